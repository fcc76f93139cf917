package org.mandate.domain.directory;

import java.time.Instant;

/**
 * Someone asked to forget a person. Holds no personal data of the person: their id, who asked, and the reason,
 * which names a ground (e.g. "left in 2024, retention over"), not the person; it stays in clear as the record.
 */
public record ErasureRequested(PersonId personId, PersonId requestedBy, String reason, Instant requestedAt) {
}
