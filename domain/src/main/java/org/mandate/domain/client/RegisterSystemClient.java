package org.mandate.domain.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.util.Set;

/**
 * Let the identity provider's client {@code clientId} call the API as {@code actsAs}, within {@code scopes}. Whether
 * {@code actsAs} is an active person depends on the directory and is checked by the application before it sends
 * this.
 */
public record RegisterSystemClient(String clientId, PersonId actsAs, Set<String> scopes, PersonId registeredBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return SystemClient.streamId(clientId);
    }
}
