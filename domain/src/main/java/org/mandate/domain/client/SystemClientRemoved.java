package org.mandate.domain.client;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The client's tokens are no longer accepted. */
public record SystemClientRemoved(String clientId, PersonId removedBy, Instant removedAt) {
}
