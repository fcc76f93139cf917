package org.mandate.domain.process;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A version of an approval path became the one new requests start on. {@code deployedBy} is null when the version
 * shipped with the application; {@code checksum} is the SHA-256 of the BPMN file, so the file can be matched later.
 */
public record ProcessDeployed(String processKey, int version, String engineDefinitionId, PersonId deployedBy,
                              Instant deployedAt, String checksum) {
}
