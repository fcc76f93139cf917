package org.mandate.app.webhook;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.webhook.CancelWebhookSubscription;
import org.mandate.domain.webhook.SubscribeWebhook;
import org.mandate.domain.webhook.SubscriptionPolicy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Subscribing, cancelling and redelivering, for the API and the console alike. Every refusal names its field where
 * it has one ({@code url}, {@code eventTypes}), so a form shows it beside that field.
 */
class WebhookAdmin {

    /** A new subscription with its signing secret, which is shown this once and never again. */
    record Registered(WebhookSubscriptions.Subscription subscription, String secret) {
    }

    private final CommandGateway commands;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final OutgoingUrlGuard guard;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    WebhookAdmin(CommandGateway commands, WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
                 OutgoingUrlGuard guard, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The secret is stored beside the command, in its transaction: no subscription without one, nor the reverse. */
    Registered subscribe(String url, List<String> eventTypes, String admin) {
        String checked;
        try {
            checked = guard.check(url).toString();
        } catch (RuleViolation refused) {
            throw refused.with("field", SubscriptionPolicy.URL_FIELD);
        }
        String id = UUID.randomUUID().toString();
        String secret = WebhookSignature.newSecret();
        transaction.executeWithoutResult(status -> {
            subscriptions.storeSecret(id, secret);
            commands.sendAndWait(new SubscribeWebhook(id, checked, eventTypes, PersonId.of(admin)));
        });
        return new Registered(subscriptions.find(id), secret);
    }

    List<WebhookSubscriptions.Subscription> all() {
        return subscriptions.all();
    }

    WebhookSubscriptions.Subscription existing(String id) {
        WebhookSubscriptions.Subscription subscription = id.length() > 36 ? null : subscriptions.find(id);
        if (subscription == null) {
            throw AppRefusals.notFound("refusal.webhook.none", String.valueOf(id));
        }
        return subscription;
    }

    WebhookSubscriptions.Subscription cancel(String id, String admin) {
        existing(id);
        commands.sendAndWait(new CancelWebhookSubscription(id, PersonId.of(admin)));
        return existing(id);
    }

    /** Sends a parked (or delivered) message again, with a fresh retry period. */
    WebhookDeliveries.Delivery redeliver(String id, String deliveryId) {
        existing(id);
        if (deliveries.find(id, deliveryId) == null) {
            throw AppRefusals.notFound("refusal.webhook.noDelivery", String.valueOf(deliveryId), String.valueOf(id));
        }
        if (!deliveries.redeliver(id, deliveryId, clock.instant())) {
            throw AppRefusals.conflict("refusal.webhook.pending");
        }
        return deliveries.find(id, deliveryId);
    }
}
