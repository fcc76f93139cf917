package org.mandate.domain.inbox;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record InboxFilterRemoved(PersonId by, String name, Instant at) {
}
