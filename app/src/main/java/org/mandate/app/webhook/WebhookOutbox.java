package org.mandate.app.webhook;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.mandate.app.publishing.CloudEventMessages;
import org.mandate.app.publishing.OutgoingEvent;

/**
 * Queues each published event for every active subscription that wants it, in a tracking processor: the row is
 * written in the batch's transaction with the token, so an event is queued once per subscription whatever crashes
 * (the unique key makes a retried batch a no-op). Sending is the dispatcher's job, on other threads, so a slow
 * subscriber holds up neither commands nor this processor nor other subscribers.
 */
@ProcessingGroup(WebhookOutbox.NAME)
@DisallowReplay
class WebhookOutbox {

    static final String NAME = "webhook-outbox";

    private final CloudEventMessages cloudEvents;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookOutbox(CloudEventMessages cloudEvents, WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.cloudEvents = cloudEvents;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        cloudEvents.of(message).ifPresent(event -> {
            long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().orElse(0) : 0;
            for (String subscription : subscriptions.wanting(event.name())) {
                deliveries.queue(subscription, event, position);
            }
        });
    }
}
