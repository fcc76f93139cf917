package org.mandate.app.outage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * "storage" in health and readiness: LOW_SPACE (still HTTP 200) once the embedded database's disk runs low, and
 * OUT_OF_SERVICE (503) once it is too full to take changes.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

    static final Status LOW_SPACE = new Status("LOW_SPACE", "the disk holding the database is running out of space");

    private final StorageWatch storage;

    StorageHealthIndicator(StorageWatch storage) {
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!storage.watched()) {
            health.up().withDetail("watched", "not on this database");
            return;
        }
        Status status = storage.full() ? Status.OUT_OF_SERVICE : storage.low() ? LOW_SPACE : Status.UP;
        health.status(status).withDetail("freeBytes", storage.freeBytes());
    }
}
