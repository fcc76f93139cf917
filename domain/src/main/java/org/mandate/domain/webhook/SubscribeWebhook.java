package org.mandate.domain.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.util.List;

/**
 * Register {@code url} to receive the named event types ({@code *} for all). The URL's reachability rules (https,
 * no internal addresses) depend on the deployment and are checked by the application before it sends this.
 */
public record SubscribeWebhook(String subscriptionId, String url, List<String> eventTypes, PersonId subscribedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return WebhookSubscription.streamId(subscriptionId);
    }
}
