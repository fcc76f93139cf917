package org.mandate.app.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.webhook.CancelWebhookSubscription;
import org.mandate.domain.webhook.SubscribeWebhook;
import org.mandate.domain.webhook.SubscriptionPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Administrators register webhook subscriptions and look after their deliveries. The signing secret is in the
 * answer to the registration only; Mandate never shows it again.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    record SubscriptionBody(@NotBlank @Size(max = SubscriptionPolicy.MAX_URL_LENGTH) String url,
                            @NotEmpty(message = "must name at least one event type, or '*' for all")
                            @Size(max = SubscriptionPolicy.MAX_EVENT_TYPES)
                            List<@NotBlank @Size(max = 100) String> eventTypes) {
    }

    record Registered(String id, String url, List<String> eventTypes, boolean active, String secret) {
    }

    record SubscriptionView(String id, String url, List<String> eventTypes, String subscribedBy, Instant subscribedAt,
                            boolean active, Map<String, Long> deliveries) {
    }

    private static final int MAX_LIMIT = 500;

    private final CommandGateway commands;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final OutgoingUrlGuard guard;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    WebhookController(CommandGateway commands, WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
                      OutgoingUrlGuard guard, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The secret is stored beside the command, in its transaction: no subscription without one, nor the reverse. */
    @PostMapping
    ResponseEntity<Registered> subscribe(@Valid @RequestBody SubscriptionBody body, Authentication admin) {
        String url = guard.check(body.url()).toString();
        String id = UUID.randomUUID().toString();
        String secret = WebhookSignature.newSecret();
        transaction.executeWithoutResult(status -> {
            subscriptions.storeSecret(id, secret);
            commands.sendAndWait(new SubscribeWebhook(id, url, body.eventTypes(), PersonId.of(admin.getName())));
        });
        WebhookSubscriptions.Subscription created = subscriptions.find(id);
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + id))
                .body(new Registered(id, created.url(), created.eventTypes(), created.active(), secret));
    }

    @GetMapping
    List<SubscriptionView> all() {
        return subscriptions.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView one(@PathVariable String id) {
        return view(existing(id));
    }

    @DeleteMapping("/{id}")
    SubscriptionView cancel(@PathVariable String id, Authentication admin) {
        existing(id);
        commands.sendAndWait(new CancelWebhookSubscription(id, PersonId.of(admin.getName())));
        return view(existing(id));
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveries.Delivery> deliveries(@PathVariable String id,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(defaultValue = "100") int limit) {
        existing(id);
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !WebhookDeliveries.STATUSES.contains(wanted)) {
            throw RuleViolation.invalid("status must be one of " + WebhookDeliveries.STATUSES + "; got '" + status
                    + "'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.invalid("limit must be between 1 and " + MAX_LIMIT + "; got " + limit + ".");
        }
        return deliveries.of(id, wanted, limit);
    }

    /** Sends a parked (or delivered) message again, with a fresh retry period. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    ResponseEntity<WebhookDeliveries.Delivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        existing(id);
        if (deliveries.find(id, deliveryId) == null) {
            throw RuleViolation.notFound("This subscription has no delivery '" + deliveryId + "'; list them with GET "
                    + "/api/admin/webhooks/" + id + "/deliveries.");
        }
        if (!deliveries.redeliver(id, deliveryId, clock.instant())) {
            throw RuleViolation.conflict("This delivery is still pending: it is being retried already.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.find(id, deliveryId));
    }

    private WebhookSubscriptions.Subscription existing(String id) {
        WebhookSubscriptions.Subscription subscription = id.length() > 36 ? null : subscriptions.find(id);
        if (subscription == null) {
            throw RuleViolation.notFound("There is no webhook subscription '" + id + "'; list them with GET "
                    + "/api/admin/webhooks.");
        }
        return subscription;
    }

    private SubscriptionView view(WebhookSubscriptions.Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventTypes(),
                subscription.subscribedBy(), subscription.subscribedAt(), subscription.active(),
                deliveries.counts(subscription.id()));
    }
}
