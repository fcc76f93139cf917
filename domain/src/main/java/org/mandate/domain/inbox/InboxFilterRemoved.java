package org.mandate.domain.inbox;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record InboxFilterRemoved(PersonId person, String name, Instant at) {
}
