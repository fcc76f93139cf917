package org.mandate.app.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * mandate_chat_total{outcome=sent|retry|failed|skipped} counts chat posts, and mandate_chat_backlog_age_seconds how
 * long the oldest post due has waited: it grows while the chat server is down.
 */
class ChatMetrics {

    private final MeterRegistry registry;

    ChatMetrics(MeterRegistry registry, ChatNotices notices, Clock clock) {
        this.registry = registry;
        Gauge.builder("mandate.chat.backlog.age", () -> {
            Instant now = clock.instant();
            Instant oldest = notices.oldestPending(now);
            return oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
        }).baseUnit("seconds").description("How long the oldest chat post due has waited").register(registry);
    }

    void outcome(String outcome) {
        Counter.builder("mandate.chat").tag("outcome", outcome).description("Chat posts by outcome")
                .register(registry).increment();
    }
}
