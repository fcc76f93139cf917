package org.mandate.domain.category;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** {@code previousName} is kept for the trail: the audit shows what it was called before. */
public record CategoryRenamed(String key, String previousName, String name, PersonId by, Instant at) {
}
