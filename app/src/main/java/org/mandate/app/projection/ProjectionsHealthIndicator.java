package org.mandate.app.projection;

import org.mandate.app.outage.DatabaseProbe;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "projections" in {@code /actuator/health}: UP when every projection has processed the newest event (an inline
 * one always has, unless this node is rebuilding it),
 * CATCHING_UP (still HTTP 200, see application.yaml) while one is behind, e.g. during a rebuild or right after a
 * burst. A projection lagging is not a reason to take a node out of a load balancer: commands still work.
 */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    static final Status CATCHING_UP = new Status("CATCHING_UP", "a projection has not processed the newest event yet");

    private final ProjectionProgress progress;
    private final DatabaseProbe database;
    private final InlineRebuilds inline;

    ProjectionsHealthIndicator(ProjectionProgress progress, DatabaseProbe database, InlineRebuilds inline) {
        super("Could not read the projections' progress from the token store");
        this.progress = progress;
        this.database = database;
        this.inline = inline;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!database.reachable()) {
            // the token store is in the database: asking would wait the pool's timeout to learn nothing new
            health.unknown().withDetail("reason", "the database is out of reach");
            return;
        }
        long head = progress.head();
        Map<String, Object> lags = new LinkedHashMap<>();
        boolean caughtUp = true;
        for (Map.Entry<String, List<ProjectionProgress.SegmentPosition>> projection : progress.segments().entrySet()) {
            long lag = ProjectionProgress.lag(projection.getValue(), head);
            lags.put(projection.getKey(), lag);
            caughtUp &= head < 0 || (!projection.getValue().isEmpty() && lag == 0);
        }
        // inline read models are never behind, except while this node replays one
        for (String name : inline.names()) {
            long lag = inline.lag(name);
            lags.put(name, lag);
            caughtUp &= lag == 0;
        }
        health.status(caughtUp ? Status.UP : CATCHING_UP).withDetail("head", head).withDetail("lag", lags);
    }
}
