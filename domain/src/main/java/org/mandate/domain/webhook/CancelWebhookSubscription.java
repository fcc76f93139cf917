package org.mandate.domain.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Stop delivering to a subscription; what was already delivered or parked stays visible. */
public record CancelWebhookSubscription(String subscriptionId, PersonId cancelledBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return WebhookSubscription.streamId(subscriptionId);
    }
}
