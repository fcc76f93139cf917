package org.mandate.domain.webhook;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mandate.domain.Refusals;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One webhook subscription: registered once, cancelled at most once. */
@AggregateRoot(type = "WebhookSubscription")
public class WebhookSubscription {

    @AggregateIdentifier
    private String id;
    private boolean cancelled;

    WebhookSubscription() {
        // for Axon
    }

    @CommandHandler
    WebhookSubscription(SubscribeWebhook command, Clock clock) {
        SubscriptionPolicy.check(command);
        List<String> types = command.eventTypes().stream().map(SubscriptionPolicy::eventName).distinct().toList();
        apply(new WebhookSubscribed(command.subscriptionId(), command.url(), types, command.subscribedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(CancelWebhookSubscription command, Clock clock) {
        if (cancelled) {
            throw Refusals.conflict("webhook.webhookSubscription.thisWebhookSubscriptionIsAlready");
        }
        apply(new WebhookSubscriptionCancelled(command.subscriptionId(), command.cancelledBy(), clock.instant()));
    }

    /** Prefixed: the event store keys streams by id alone. */
    static String streamId(String subscriptionId) {
        return "webhook:" + subscriptionId;
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        id = streamId(event.subscriptionId());
    }

    @EventSourcingHandler
    void on(WebhookSubscriptionCancelled event) {
        cancelled = true;
    }
}
