package org.mandate.app.idempotency;

import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets Idempotency-Keys older than the retention, on a timer. A key is honoured for at least the retention and
 * at most one cleanup interval longer. Every node may run it: deleting what another node already deleted is a no-op.
 */
@Component
public class IdempotencyRetention extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration every;

    /**
     * The default retention, a day, is what a client's retry needs: a lost answer is retried within seconds or
     * minutes, and at worst once the client or Mandate is back after an outage, which a day covers (it is also what
     * Stripe keeps). A retry after that is a new request: a decision meets its 409, a submission is made again.
     */
    public IdempotencyRetention(JdbcTemplate jdbc, Clock clock,
                                @Value("${mandate.idempotency.retention:24h}") Duration retention,
                                @Value("${mandate.idempotency.cleanup-interval:1h}") Duration every) {
        if (retention.isNegative() || retention.isZero() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("mandate.idempotency.retention and cleanup-interval must be "
                    + "positive durations such as 24h and 1h; got " + retention + " and " + every + ".");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.every = every;
    }

    /** Deletes every key recorded more than the retention ago; answers how many it deleted. */
    public int removeExpired() {
        return jdbc.update("delete from idempotency_key where created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    private void removeQuietly() {
        try {
            int removed = removeExpired();
            if (removed > 0) {
                log.info("Forgot {} Idempotency-Keys older than {}", removed, retention);
            }
        } catch (RuntimeException e) {
            // the database may be briefly away; the next round catches up, and an old key only costs space
            log.warn("Could not remove expired Idempotency-Keys; trying again in {}", every, e);
        }
    }

    @Override
    protected PeriodicTask schedule() {
        return PeriodicTask.start("idempotency-retention", every, every, this::removeQuietly);
    }

}
