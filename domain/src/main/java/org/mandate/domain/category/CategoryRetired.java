package org.mandate.domain.category;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record CategoryRetired(String key, PersonId by, Instant at) {
}
