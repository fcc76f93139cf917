package org.mandate.app.webhook;

import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Moments;
import org.mandate.app.web.Page;
import org.mandate.app.web.voice.Messages;
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
                                .orElse(Messages.of("console.delivery.nothingYet"))))
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
        redirect.addFlashAttribute("confirmation", Messages.of("console.webhooks.done.subscribed",
                registered.subscription().url()));
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
        redirect.addFlashAttribute("confirmation", Messages.of("console.webhooks.done.redelivered",
                WebhookEventKinds.label(again.eventType().replace(SubscriptionPolicy.TYPE_PREFIX, ""))));
        return "redirect:/admin/webhooks/" + id;
    }

    /** What cancelling would do; nothing changes until the administrator confirms. */
    @GetMapping("/admin/webhooks/{id}/removal")
    String removal(@PathVariable String id, Model model) {
        WebhookSubscriptions.Subscription subscription = existing(id);
        if (!subscription.active()) {
            throw RuleViolation.notFound(Messages.of("console.webhooks.cancelledAlready", subscription.url()));
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
        redirect.addFlashAttribute("confirmation", Messages.of("console.webhooks.done.cancelled",
                subscription.url()));
        return "redirect:/admin/webhooks";
    }

    private WebhookSubscriptions.Subscription existing(String id) {
        try {
            return webhooks.existing(id);
        } catch (RuleViolation unknown) {
            throw RuleViolation.notFound(Messages.of("console.webhooks.unknown", id));
        }
    }

    private static List<String> kinds(WebhookSubscriptions.Subscription subscription) {
        return subscription.eventTypes().stream().map(WebhookEventKinds::label).toList();
    }

    private DeliveryRow row(WebhookDeliveries.Delivery delivery) {
        boolean failed = WebhookDeliveries.PARKED.equals(delivery.status());
        String status = switch (delivery.status()) {
            case WebhookDeliveries.DELIVERED -> Messages.of("console.delivery.delivered");
            case WebhookDeliveries.PARKED -> Messages.of("console.delivery.givenUp");
            default -> Messages.of(delivery.attempts() > 0 ? "console.delivery.retrying" : "console.delivery.waiting");
        };
        return new DeliveryRow(delivery, WebhookEventKinds.label(delivery.eventType()
                .replace(SubscriptionPolicy.TYPE_PREFIX, "")), status, outcome(delivery),
                failed);
    }

    /**
     * How a delivery went, in words: "delivered 5 minutes ago (7 Dec 2026, 14:05 CET)", "gave up 1 hour ago (…) after
     * 7 attempts: the receiver answered 503"; times in the person's zone and language.
     */
    private String outcome(WebhookDeliveries.Delivery delivery) {
        Instant now = clock.instant();
        return switch (delivery.status()) {
            case WebhookDeliveries.DELIVERED -> delivery.deliveredAt() == null ? Messages.of("console.delivery.delivered")
                    : Messages.of("console.delivery.deliveredAgo", Moments.ago(delivery.deliveredAt(), now),
                    Moments.when(delivery.deliveredAt()));
            case WebhookDeliveries.PARKED -> {
                Instant last = delivery.lastAttemptAt() == null ? delivery.createdAt() : delivery.lastAttemptAt();
                yield Messages.of("console.delivery.gaveUp", Moments.ago(last, now), Moments.when(last),
                        delivery.attempts(), why(delivery));
            }
            default -> delivery.attempts() == 0 ? Messages.of("console.delivery.waiting")
                    : Messages.of("console.delivery.failing", Moments.spanSince(delivery.createdAt(), now),
                    Moments.when(delivery.createdAt()), delivery.attempts(), why(delivery),
                    Moments.when(delivery.nextAttemptAt()));
        };
    }

    /**
     * Why the last attempt failed: the receiver's answer in the page's language; else the dispatcher's own words
     * (no answer, or the address refused), which stay as written, as the API shows them.
     */
    private static String why(WebhookDeliveries.Delivery delivery) {
        if (delivery.lastStatus() != null) {
            return Messages.of("console.delivery.answered", String.valueOf(delivery.lastStatus()));
        }
        if (delivery.lastError() != null && !delivery.lastError().isBlank()) {
            return Messages.of("console.delivery.error", delivery.lastError());
        }
        return "";
    }
}
