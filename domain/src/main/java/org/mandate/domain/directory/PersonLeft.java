package org.mandate.domain.directory;

import java.time.Instant;

/** The person left; {@code successor} takes over their open steps. Their past decisions stay as they were. */
public record PersonLeft(PersonId personId, PersonId successor, PersonId recordedBy, Instant leftAt) {
}
