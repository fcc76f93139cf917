package org.mandate.app.request;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Read-your-writes for the caller of a command: waits, briefly, until the projections a caller reads right
 * after a command (request view and inbox) have processed the request's newest event, so the answer and the
 * next read already show the change. Other projections (audit, insights, ...) are not waited for. Progress comes
 * from this node's threads for the segments they hold, and from the shared token store for a segment another node
 * holds (see {@link ProjectionProgress#processed} for a segment that only skipped the request's events).
 * If a projection is slower than the limit, or failing and retrying here, the call returns anyway.
 */
@Component
public class ProjectionCatchUp {

    private static final Duration LIMIT = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;

    private final Set<String> awaited;

    ProjectionCatchUp(JdbcTemplate jdbc, EventProcessingConfiguration processing, ProjectionProgress progress,
                      @Value("${mandate.read-your-writes.processors:" + RequestViewProjection.NAME + ","
                              + InboxProjection.NAME + "}") Set<String> awaited) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.progress = progress;
        this.awaited = awaited;
    }

    /** Waits for the request's newest event; false when the event store holds no event of the request at all. */
    public boolean awaitRequest(String requestId) {
        Long newest = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class,
                requestId);
        await(newest);
        return newest != null;
    }

    /** For a command whose consequences reach many aggregates, such as a departure: waits for the newest event. */
    public void awaitLatest() {
        await(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    }

    private void await(Long newest) {
        if (newest == null) {
            return;
        }
        List<String> projections = processing.eventProcessors().entrySet().stream()
                .filter(processor -> awaited.contains(processor.getKey()))
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor streaming
                        && streaming.isRunning() && !failingHere(streaming))
                .map(processor -> processor.getKey()).toList();
        progress.awaitProcessed(projections, newest, LIMIT);
    }

    private static boolean failingHere(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(status -> status.isErrorState());
    }
}
