package org.mandate.app.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retention's meters: {@code mandate_retention_shredded_total{policy}} counts requests shredded on this node (after
 * the commit), {@code mandate_retention_last_run_seconds} is when this node's job last finished a run (Unix time),
 * {@code mandate_retention_waiting} how many closed requests were past their period and not shredded when it did
 * (a failure keeps it above zero). The label is the period's name, a category with its own or {@code default}: the
 * configuration bounds it, where categories are whatever requesters type.
 */
@Component
class RetentionMeters {

    private final MeterRegistry registry;
    private final AtomicLong lastRun = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();

    RetentionMeters(MeterRegistry registry, RetentionPolicy policy) {
        this.registry = registry;
        policy.retention().keySet().forEach(this::counter);
        Gauge.builder("mandate.retention.last.run", lastRun, AtomicLong::get).baseUnit("seconds")
                .description("When this node's retention job last finished a run (Unix time; 0: not yet)")
                .register(registry);
        Gauge.builder("mandate.retention.waiting", waiting, AtomicLong::get)
                .description("Closed requests past their retention period and not shredded, as of the last run")
                .register(registry);
    }

    void shredded(String policy) {
        counter(policy).increment();
    }

    void ran(Instant at, long stillWaiting) {
        waiting.set(stillWaiting);
        lastRun.set(at.getEpochSecond());
    }

    private Counter counter(String policy) {
        return Counter.builder("mandate.retention.shredded").tag("policy", policy)
                .description("Requests whose texts were shredded because their retention period ended")
                .register(registry);
    }
}
