package org.mandate.app.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The same two meters for mail and for chat: mandate_mail_total{outcome=sent|retry|failed|skipped} counts mails (a
 * digest is one) and mandate_chat_total posts; mandate_mail_backlog_age_seconds and mandate_chat_backlog_age_seconds
 * say how long the oldest notice due has waited: they grow while the mail or chat server is down.
 */
final class OutboxMetrics {

    private final MeterRegistry registry;
    private final String channel;
    private final String counted;

    /** {@code oldestPending}: when the oldest notice due at the given time was queued, or null. */
    private OutboxMetrics(MeterRegistry registry, String channel, String counted, String waiting,
                          UnaryOperator<Instant> oldestPending, Clock clock) {
        this.registry = registry;
        this.channel = channel;
        this.counted = counted;
        Gauge.builder("mandate." + channel + ".backlog.age", () -> {
            Instant now = clock.instant();
            Instant oldest = oldestPending.apply(now);
            return oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
        }).baseUnit("seconds").description(waiting).register(registry);
    }

    /** Only notices due at once: a digest waiting for its hour is not a backlog. */
    static OutboxMetrics mail(MeterRegistry registry, MailNotices notices, Clock clock) {
        return new OutboxMetrics(registry, "mail", "Mails by outcome",
                "How long the oldest notice due at once has waited", notices::oldestPending, clock);
    }

    static OutboxMetrics chat(MeterRegistry registry, ChatNotices notices, Clock clock) {
        return new OutboxMetrics(registry, "chat", "Chat posts by outcome",
                "How long the oldest chat post due has waited", notices::oldestPending, clock);
    }

    void outcome(String outcome) {
        Counter.builder("mandate." + channel).tag("outcome", outcome).description(counted)
                .register(registry).increment();
    }
}
