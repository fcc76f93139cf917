package org.mandate.app.publishing;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * "publishing" in {@code /actuator/health}: UP while the broker takes events, CATCHING_UP (HTTP 200, like a
 * lagging projection) while it does not. A broker outage is no reason to take a node out of a load balancer:
 * commands still work and the backlog drains when the broker is back.
 */
class PublishingHealthIndicator extends AbstractHealthIndicator {

    private final PublishingStatus status;

    PublishingHealthIndicator(PublishingStatus status) {
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        PublishingStatus.Failure failure = status.failing();
        if (failure == null) {
            health.up();
        } else {
            health.status(new Status("CATCHING_UP", "the broker has not taken the latest events; retrying"))
                    .withDetail("failingSince", failure.since().toString()).withDetail("reason", failure.reason());
        }
    }
}
