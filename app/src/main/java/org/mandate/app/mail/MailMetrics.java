package org.mandate.app.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * mandate_mail_total{outcome=sent|retry|failed|skipped} counts mails (a digest is one), and
 * mandate_mail_backlog_age_seconds how long the oldest notice due at once has waited: it grows while the mail
 * server is down.
 */
class MailMetrics {

    private final MeterRegistry registry;

    MailMetrics(MeterRegistry registry, MailNotices notices, Clock clock) {
        this.registry = registry;
        Gauge.builder("mandate.mail.backlog.age", () -> {
            Instant now = clock.instant();
            Instant oldest = notices.oldestPending(now);
            return oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
        }).baseUnit("seconds").description("How long the oldest notice due at once has waited").register(registry);
    }

    void outcome(String outcome) {
        Counter.builder("mandate.mail").tag("outcome", outcome).description("Mails by outcome")
                .register(registry).increment();
    }
}
