package org.mandate.domain.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Stop accepting the client's tokens; what it did stays in the history. */
public record RemoveSystemClient(String clientId, PersonId removedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return SystemClient.streamId(clientId);
    }
}
