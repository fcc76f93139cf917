package org.mandate.app.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the health check and the metrics say about publishing: {@code mandate_publishing_published_total} and
 * {@code mandate_publishing_failures_total} per binding, and whether the last attempt failed (and since when).
 * The lag is the processor's {@code mandate_projection_lag_events{projection="amqp-publishing"}}.
 */
class PublishingStatus {

    private static final Logger log = LoggerFactory.getLogger(PublishingStatus.class);

    record Failure(Instant since, String reason) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<Failure> failing = new AtomicReference<>();

    PublishingStatus(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void published(String binding) {
        Counter.builder("mandate.publishing.published").description("Events the broker confirmed")
                .tag("binding", binding).register(registry).increment();
        if (failing.getAndSet(null) != null) {
            log.info("Publishing to {} works again", binding);
        }
    }

    void failed(String binding, RuntimeException failure) {
        Counter.builder("mandate.publishing.failures").description("Attempts to publish an event that failed")
                .tag("binding", binding).register(registry).increment();
        Failure previous = failing.get();
        failing.set(new Failure(previous == null ? clock.instant() : previous.since(), failure.getMessage()));
        if (previous == null) {
            log.warn("Publishing to {} failed; the processor will retry from the same event: {}", binding,
                    failure.getMessage());
        }
    }

    /** The failure the last attempt ended in, or null when it succeeded. */
    Failure failing() {
        return failing.get();
    }
}
