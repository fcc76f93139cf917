package org.mandate.domain.category;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** {@code addedBy} is null when the list was seeded from the categories in use (an upgrade) or by the demo. */
public record CategoryAdded(String key, String name, PersonId addedBy, Instant at) {
}
