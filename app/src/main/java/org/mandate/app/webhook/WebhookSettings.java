package org.mandate.app.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code mandate.webhooks.*}. The defaults are for production: https only, public addresses only, retries for a
 * day. Tests relax {@code require-https} and {@code allow-private-addresses} to reach a receiver on 127.0.0.1 and
 * shorten the schedule.
 *
 * @param requireHttps          refuse {@code http://} subscriber URLs
 * @param allowPrivateAddresses allow URLs whose host resolves to loopback, link-local (cloud metadata), private or
 *                              other internal addresses; never in production
 * @param initialDelay          pause after the first failed attempt; each further failure doubles it
 * @param maxDelay              the longest pause between two attempts
 * @param giveUpAfter           how long after the event a delivery is retried before it is parked
 * @param timeout               connect and answer timeout of one attempt
 * @param pollInterval          how often each node looks for due deliveries
 */
@ConfigurationProperties("mandate.webhooks")
record WebhookSettings(Boolean requireHttps, Boolean allowPrivateAddresses, Duration initialDelay, Duration maxDelay,
                       Duration giveUpAfter, Duration timeout, Duration pollInterval) {

    WebhookSettings {
        requireHttps = requireHttps == null || requireHttps;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        initialDelay = positive(initialDelay, Duration.ofSeconds(30), "initial-delay");
        maxDelay = positive(maxDelay, Duration.ofHours(1), "max-delay");
        giveUpAfter = positive(giveUpAfter, Duration.ofHours(24), "give-up-after");
        timeout = positive(timeout, Duration.ofSeconds(10), "timeout");
        pollInterval = positive(pollInterval, Duration.ofSeconds(1), "poll-interval");
    }

    /** The pause after the {@code attempts}-th failed attempt: initial-delay doubled per failure, up to max-delay. */
    Duration delayAfter(int attempts) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mandate.webhooks." + name + " must be a positive duration such as "
                    + fallback + "; got " + value + ".");
        }
        return value;
    }
}
