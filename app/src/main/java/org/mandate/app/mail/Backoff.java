package org.mandate.app.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed mail or chat post is tried again: after {@code firstDelay}, doubling per failure up to an hour, so a
 * server down for long is not hammered; once the next try would fall past {@code giveUpAfter} since the notice was
 * queued, never, and an administrator sees it failed.
 */
record Backoff(Duration firstDelay, Duration giveUpAfter) {

    private static final Duration LONGEST = Duration.ofHours(1);

    Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(LONGEST) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    /** The next try after the {@code attempts}-th failure at {@code now}, or null to give up. */
    Instant next(int attempts, Instant queuedAt, Instant now) {
        Instant next = now.plus(delayAfter(attempts));
        return next.isAfter(queuedAt.plus(giveUpAfter)) ? null : next;
    }
}
