package org.mandate.app.webhook;

import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Moments;
import org.mandate.app.web.Page;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.webhook.SubscriptionPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's Webhooks page: the subscriptions with their last delivery, a form to subscribe (the signing secret
 * shown once, after it), each subscription's recent deliveries with <em>Deliver again</em> for those given up on,
 * and cancelling after a confirmation. Every change goes through {@link WebhookAdmin}, as over the API; a refusal
 * shows the form again with the message beside the field it is about.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class WebhookPages {

    private static final int RECENT = 50;

    /** A subscription as the list shows it: its kinds in words, and how its newest delivery went. */
    record Row(WebhookSubscriptions.Subscription subscription, List<String> kinds, String lastDelivery) {
    }

    /** A delivery as the subscription's page shows it. */
    record DeliveryRow(WebhookDeliveries.Delivery delivery, String kind, String status, String outcome,
                       boolean failed) {
    }

    private final WebhookAdmin webhooks;
    private final WebhookDeliveries deliveries;
    private final Clock clock = Clock.systemUTC();

    WebhookPages(WebhookAdmin webhooks, WebhookDeliveries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        model.addAttribute("subscriptions", webhooks.all().stream()
                .sorted(Comparator.comparing((WebhookSubscriptions.Subscription s) -> !s.active()))
                .map(subscription -> new Row(subscription, kinds(subscription),
                        deliveries.of(subscription.id(), null, 1).stream().findFirst().map(this::outcome)
                                .orElse("nothing sent yet")))
                .toList());
        model.addAttribute("kinds", WebhookEventKinds.KINDS);
        model.addAttribute("all", WebhookEventKinds.ALL);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("url", "", "kinds", List.of()));
        }
        return "admin/webhooks";
    }

    @PostMapping("/admin/webhooks")
    String subscribe(@RequestParam(defaultValue = "") String url,
                     @RequestParam(name = "kind", required = false) List<String> kinds, Authentication admin,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> chosen = kinds == null ? List.of() : kinds;
        WebhookAdmin.Registered registered;
        try {
            registered = webhooks.subscribe(url, chosen, admin.getName());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            Object field = refusal.properties().getOrDefault("field", "form");
            model.addAttribute("errors", Map.of(String.valueOf(field), refusal.message()));
            model.addAttribute("form", Map.of("url", url, "kinds", chosen));
            return list(model);
        }
        // through the session to the next page only, as a confirmation is: it is never shown again
        redirect.addFlashAttribute("secret", registered.secret());
        redirect.addFlashAttribute("confirmation", "Subscribed: events are posted to "
                + registered.subscription().url() + " from the next one on.");
        return "redirect:/admin/webhooks/" + registered.subscription().id();
    }

    @GetMapping("/admin/webhooks/{id}")
    String one(@PathVariable String id, Model model) {
        WebhookSubscriptions.Subscription subscription = existing(id);
        model.addAttribute("subscription", subscription);
        model.addAttribute("kinds", kinds(subscription));
        model.addAttribute("deliveries", deliveries.of(id, null, RECENT).stream().map(this::row).toList());
        model.addAttribute("counts", deliveries.counts(id));
        model.addAttribute("recent", RECENT);
        return "admin/webhook";
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery")
    String redeliver(@PathVariable String id, @PathVariable String deliveryId, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        existing(id);
        WebhookDeliveries.Delivery again;
        try {
            again = webhooks.redeliver(id, deliveryId);
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("deliveryError", refusal.message());
            return one(id, model);
        }
        redirect.addFlashAttribute("confirmation", "The " + WebhookEventKinds.label(
                again.eventType().replace(SubscriptionPolicy.TYPE_PREFIX, ""))
                .toLowerCase(Locale.ROOT) + " event is being delivered again, with a fresh retry period.");
        return "redirect:/admin/webhooks/" + id;
    }

    /** What cancelling would do; nothing changes until the administrator confirms. */
    @GetMapping("/admin/webhooks/{id}/removal")
    String removal(@PathVariable String id, Model model) {
        WebhookSubscriptions.Subscription subscription = existing(id);
        if (!subscription.active()) {
            throw RuleViolation.notFound("This webhook subscription is cancelled already: nothing more is sent to "
                    + subscription.url() + ".");
        }
        model.addAttribute("subscription", subscription);
        model.addAttribute("kinds", kinds(subscription));
        model.addAttribute("counts", deliveries.counts(id));
        return "admin/webhook-removal";
    }

    @PostMapping("/admin/webhooks/{id}/removal")
    String remove(@PathVariable String id, Authentication admin, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        WebhookSubscriptions.Subscription subscription = existing(id);
        try {
            webhooks.cancel(id, admin.getName());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("errors", Map.of("form", refusal.message()));
            return list(model);
        }
        redirect.addFlashAttribute("confirmation", "Cancelled: nothing more is sent to " + subscription.url()
                + ". Its deliveries stay listed.");
        return "redirect:/admin/webhooks";
    }

    private WebhookSubscriptions.Subscription existing(String id) {
        try {
            return webhooks.existing(id);
        } catch (RuleViolation unknown) {
            throw RuleViolation.notFound("There is no webhook subscription '" + id + "'. Choose one from the list "
                    + "of webhooks.");
        }
    }

    private static List<String> kinds(WebhookSubscriptions.Subscription subscription) {
        return subscription.eventTypes().stream().map(WebhookEventKinds::label).toList();
    }

    private DeliveryRow row(WebhookDeliveries.Delivery delivery) {
        boolean failed = WebhookDeliveries.PARKED.equals(delivery.status());
        String status = switch (delivery.status()) {
            case WebhookDeliveries.DELIVERED -> "delivered";
            case WebhookDeliveries.PARKED -> "given up";
            default -> delivery.attempts() > 0 ? "failing, will retry" : "waiting to be sent";
        };
        return new DeliveryRow(delivery, WebhookEventKinds.label(delivery.eventType()
                .replace(SubscriptionPolicy.TYPE_PREFIX, "")), status, outcome(delivery),
                failed);
    }

    /** How a delivery went, in words: "delivered 5 minutes ago", "gave up after 4 attempts: HTTP 503". */
    private String outcome(WebhookDeliveries.Delivery delivery) {
        return switch (delivery.status()) {
            case WebhookDeliveries.DELIVERED -> "delivered " + ago(delivery.deliveredAt());
            case WebhookDeliveries.PARKED -> "gave up " + ago(delivery.lastAttemptAt()) + " after "
                    + attempts(delivery.attempts()) + why(delivery);
            default -> delivery.attempts() == 0 ? "waiting to be sent"
                    : "failing since " + ago(delivery.createdAt()) + ", " + attempts(delivery.attempts()) + " so far"
                    + why(delivery) + "; next try " + Moments.when(delivery.nextAttemptAt());
        };
    }

    private String ago(Instant instant) {
        return instant == null ? "" : Moments.span(instant, clock.instant()) + " ago ("
                + Moments.when(instant) + ")";
    }

    private static String attempts(int count) {
        return count + (count == 1 ? " attempt" : " attempts");
    }

    private static String why(WebhookDeliveries.Delivery delivery) {
        if (delivery.lastError() != null && !delivery.lastError().isBlank()) {
            return ": " + delivery.lastError();
        }
        return delivery.lastStatus() == null ? "" : ": the receiver answered " + delivery.lastStatus();
    }
}
