package org.mandate.app.webhook;

import org.mandate.app.PeriodicTask;
import org.mandate.app.publishing.OutgoingEvent;
import org.mandate.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends due deliveries, on every node: a delivery is claimed in the database before it is sent, so only one node
 * sends it. Each subscription has at most one delivery in flight, on a thread of its own, so a slow or dead
 * subscriber (bounded by the timeout) delays only its own deliveries. 2xx is delivered; anything else, or no answer,
 * is retried after initial-delay, doubling up to max-delay, until give-up-after has passed since the event, then
 * parked. Redirects are not followed (they could lead to an internal host).
 */
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;

    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final OutgoingUrlGuard guard;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ExecutorService senders;
    private PeriodicTask poller;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSettings settings, OutgoingUrlGuard guard, Clock clock,
                      WebhookMetrics metrics) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized void start() {
        senders = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        poller = PeriodicTask.start("webhook-dispatcher", settings.pollInterval(), settings.pollInterval(),
                this::pollQuietly);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.stop();
            senders.shutdown(); // not interrupted: a delivery records its outcome in the database (PeriodicTask)
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException failure) {
            log.warn("Looking for due webhook deliveries failed; trying again in {}", settings.pollInterval(), failure);
        }
    }

    void poll() {
        Instant now = clock.instant();
        Instant claimUntil = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(5);
        for (String[] due : deliveries.due(now, BATCH)) {
            String subscription = due[1];
            if (inFlight.add(subscription)) {
                if (deliveries.claim(due[0], now, claimUntil)) {
                    senders.execute(() -> send(due[0], subscription));
                } else {
                    inFlight.remove(subscription);
                }
            }
        }
    }

    private void send(String deliveryId, String subscription) {
        try {
            WebhookDeliveries.Due delivery = deliveries.load(deliveryId);
            if (delivery != null) {
                attempt(delivery);
            }
        } catch (RuntimeException failure) {
            log.warn("Webhook delivery {} could not be recorded; it is tried again once its claim ends",
                    deliveryId, failure);
        } finally {
            inFlight.remove(subscription);
        }
    }

    private void attempt(WebhookDeliveries.Due delivery) {
        Integer status = null;
        String error;
        try {
            URI url = guard.check(delivery.url());
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Content-Type", OutgoingEvent.CONTENT_TYPE)
                    .header("webhook-id", delivery.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.eventId(),
                            timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.id(), status, clock.instant());
                metrics.attempt("delivered");
                return;
            }
            error = "the subscriber answered " + status;
        } catch (RuleViolation refused) {
            error = "not sent: " + refused.getMessage();
        } catch (IOException unreachable) {
            error = "no answer: " + unreachable;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant now = clock.instant();
        Instant next = now.plus(settings.delayAfter(delivery.attempts() + 1));
        boolean parked = next.isAfter(delivery.createdAt().plus(settings.giveUpAfter()));
        deliveries.failed(delivery.id(), status, error, now, parked ? null : next);
        metrics.attempt(parked ? "parked" : "retry");
        if (parked) {
            log.warn("Webhook delivery {} of event {} parked after {} attempts: {}", delivery.id(), delivery.eventId(),
                    delivery.attempts() + 1, error);
        }
    }
}
