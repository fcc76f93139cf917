package org.mandate.app.request;

import org.mandate.app.projection.ProjectionProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the caller of a command: waits, briefly, until every segment of the streaming projections
 * has processed the request's newest event, so the answer and the next read already show the change. Segments
 * may be processed by another node, so progress is read from the shared token store, not from this node.
 * If a projection is slower than the limit the call returns anyway; the projection still catches up.
 */
@Component
class ProjectionCatchUp {

    private static final Duration LIMIT = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    ProjectionCatchUp(JdbcTemplate jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    void awaitRequest(String requestId) {
        Long newest = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class,
                requestId);
        if (newest == null) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!progress.allProcessed(newest) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
