package org.mandate.app.outage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code mandate.database.*}: how an outage of the database is noticed and answered.
 *
 * @param probeInterval how often the database (and the disk under the data directory) is looked at
 * @param probeTimeout  how long one look may take before the database counts as out of reach
 * @param retryAfter    the {@code Retry-After} of a 503 during an outage
 * @param restartAfter  how long the database may stay out of reach before the engine's and the projections' threads
 *                      are restarted once it answers again
 */
@ConfigurationProperties("mandate.database")
public record DatabaseSettings(Duration probeInterval, Duration probeTimeout, Duration retryAfter,
                               Duration restartAfter) {

    public DatabaseSettings {
        probeInterval = probeInterval == null ? Duration.ofSeconds(1) : probeInterval;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(2) : probeTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        restartAfter = restartAfter == null ? Duration.ofMinutes(2) : restartAfter;
    }
}
