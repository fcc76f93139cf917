package org.mandate.app.outage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * "database" in health and readiness, from {@link DatabaseProbe}'s last look (at most a second old): it answers at
 * once during an outage, where Spring Boot's own check would wait the pool's connection timeout.
 */
@Component("database")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final DatabaseProbe database;

    DatabaseHealthIndicator(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (database.reachable()) {
            health.up();
        } else {
            health.down().withDetail("unreachableSince", database.unreachableSince().toString())
                    .withDetail("problem", String.valueOf(database.problem()));
        }
    }
}
