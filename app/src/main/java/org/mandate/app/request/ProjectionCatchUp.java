package org.mandate.app.request;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the caller of a command: waits, briefly, until the projections a caller reads right
 * after a command (request view and inbox) have processed the request's newest event on this node, so the
 * answer and the next read already show the change. Other projections (audit, insights, ...) are not waited
 * for. If a projection is slower than the limit, or failing and retrying, the call returns anyway.
 */
@Component
public class ProjectionCatchUp {

    private static final Duration LIMIT = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    private final Set<String> awaited;

    ProjectionCatchUp(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                      @Value("${mandate.read-your-writes.processors:" + RequestViewProjection.NAME + ","
                              + InboxProjection.NAME + "}") Set<String> awaited) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.awaited = awaited;
    }

    public void awaitRequest(String requestId) {
        await(jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class,
                requestId));
    }

    /** For a command whose consequences reach many aggregates, such as a departure: waits for the newest event. */
    public void awaitLatest() {
        await(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    }

    private void await(Long newest) {
        if (newest == null) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<StreamingEventProcessor> processors = processing.eventProcessors().entrySet().stream()
                .filter(processor -> awaited.contains(processor.getKey()))
                .map(processor -> processor.getValue())
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        while (!processors.stream().allMatch(processor -> reached(processor, newest))
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long globalIndex) {
        if (!processor.isRunning()) {
            return true;
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(status -> status.isErrorState()
                || handled(status.getTrackingToken(), globalIndex));
    }

    /**
     * Whether a processor at {@code token} has handled the event at {@code globalIndex}. Its position alone does not
     * say: when commands commit concurrently a later event can be seen first, and the earlier one stays a gap below
     * the position until it is handled.
     */
    static boolean handled(TrackingToken token, long globalIndex) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(position -> position.getIndex() >= globalIndex && !position.getGaps().contains(globalIndex))
                .orElse(false);
    }
}
