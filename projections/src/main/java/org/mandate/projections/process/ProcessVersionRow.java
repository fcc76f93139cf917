package org.mandate.projections.process;

import java.time.Instant;

/** One recorded version; {@code deployedBy} is null for a version shipped with the application. */
public record ProcessVersionRow(String processKey, int version, String engineDefinitionId, String deployedBy,
                                Instant deployedAt, String checksum) {
}
