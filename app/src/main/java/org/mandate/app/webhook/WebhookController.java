package org.mandate.app.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.webhook.SubscriptionPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private final WebhookAdmin webhooks;
    private final WebhookDeliveries deliveries;

    WebhookController(WebhookAdmin webhooks, WebhookDeliveries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @PostMapping
    ResponseEntity<Registered> subscribe(@Valid @RequestBody SubscriptionBody body, Authentication admin) {
        WebhookAdmin.Registered registered = webhooks.subscribe(body.url(), body.eventTypes(), admin.getName());
        WebhookSubscriptions.Subscription created = registered.subscription();
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + created.id()))
                .body(new Registered(created.id(), created.url(), created.eventTypes(), created.active(),
                        registered.secret()));
    }

    @GetMapping
    List<SubscriptionView> all() {
        return webhooks.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView one(@PathVariable String id) {
        return view(webhooks.existing(id));
    }

    @DeleteMapping("/{id}")
    SubscriptionView cancel(@PathVariable String id, Authentication admin) {
        return view(webhooks.cancel(id, admin.getName()));
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveries.Delivery> deliveries(@PathVariable String id,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(defaultValue = "100") int limit) {
        webhooks.existing(id);
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !WebhookDeliveries.STATUSES.contains(wanted)) {
            throw AppRefusals.invalid("refusal.list.status", String.valueOf(WebhookDeliveries.STATUSES), status);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AppRefusals.invalid("refusal.list.limit", String.valueOf(MAX_LIMIT), String.valueOf(limit));
        }
        return deliveries.of(id, wanted, limit);
    }

    /** Sends a parked (or delivered) message again, with a fresh retry period. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    ResponseEntity<WebhookDeliveries.Delivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(id, deliveryId));
    }

    private SubscriptionView view(WebhookSubscriptions.Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventTypes(),
                subscription.subscribedBy(), subscription.subscribedAt(), subscription.active(),
                deliveries.counts(subscription.id()));
    }
}
