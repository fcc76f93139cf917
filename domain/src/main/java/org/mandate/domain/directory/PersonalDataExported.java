package org.mandate.domain.directory;

import java.time.Instant;

/** Everything held about the person was exported (subject access) by {@code exportedBy}: how many events, when. */
public record PersonalDataExported(PersonId personId, PersonId exportedBy, int events, Instant exportedAt) {
}
