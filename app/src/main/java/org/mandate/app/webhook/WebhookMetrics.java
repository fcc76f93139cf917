package org.mandate.app.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Locale;

/**
 * {@code mandate_webhooks_attempts_total{outcome="delivered|retry|parked"}} counted by the node that made the attempt,
 * and {@code mandate_webhooks_deliveries{status="pending|parked"}} read from the shared table (the same on every
 * node). Parked deliveries wait for an administrator: alert on them.
 */
class WebhookMetrics {

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry, WebhookDeliveries deliveries) {
        this.registry = registry;
        for (String status : List.of(WebhookDeliveries.PENDING, WebhookDeliveries.PARKED)) {
            Gauge.builder("mandate.webhooks.deliveries", deliveries, table -> table.count(status))
                    .description("Webhook deliveries waiting to be sent (pending) or for an administrator (parked)")
                    .tag("status", status.toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    void attempt(String outcome) {
        Counter.builder("mandate.webhooks.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
