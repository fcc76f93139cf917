package org.mandate.domain.client;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/** A system client may call the API as {@code actsAs} within {@code scopes} (sorted). */
public record SystemClientRegistered(String clientId, PersonId actsAs, List<String> scopes, PersonId registeredBy,
                                     Instant registeredAt) {
}
