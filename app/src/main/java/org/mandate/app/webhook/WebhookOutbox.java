package org.mandate.app.webhook;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.mandate.app.publishing.CloudEventMessages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private static final String WANTING = WebhookOutbox.class.getName() + "#wanting";

    private final CloudEventMessages cloudEvents;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookOutbox(CloudEventMessages cloudEvents, WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.cloudEvents = cloudEvents;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    /**
     * Asks who wants the event before making its CloudEvent, which deserialises the payload and opens its sealed
     * fields: with no subscription wanting it (the usual case) nothing more is done. The answer is kept for the
     * batch, one query per event name. The handler takes the message only, as a payload parameter would have every
     * event deserialised first.
     */
    @EventHandler
    void on(EventMessage<?> message) {
        List<String> wanting = wanting(message.getPayloadType().getSimpleName());
        if (wanting.isEmpty()) {
            return;
        }
        cloudEvents.of(message).ifPresent(event -> {
            long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().orElse(0) : 0;
            for (String subscription : wanting) {
                deliveries.queue(subscription, event, position);
            }
        });
    }

    private List<String> wanting(String eventName) {
        if (!CurrentUnitOfWork.isStarted()) {
            return subscriptions.wanting(eventName);
        }
        Map<String, List<String>> asked = CurrentUnitOfWork.get().root().getOrComputeResource(WANTING,
                key -> new HashMap<>());
        return asked.computeIfAbsent(eventName, subscriptions::wanting);
    }
}
