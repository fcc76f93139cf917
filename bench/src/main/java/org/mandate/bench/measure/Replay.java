package org.mandate.bench.measure;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.bench.system.MandateSystem;
import org.mandate.projections.audit.AuditTrailProjection;
import org.mandate.projections.inbox.InboxProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds the audit trail and the inbox from event zero together, the way an operator's rebuild does, and times it
 * (the replay figure): the audit trail's tracking processor from a reset token, the inline inbox by
 * {@link InlineRebuilds} on this thread meanwhile. The other projections stay stopped, during the replay and the
 * inbox queries after it, so that what is measured has the machine to itself; nothing the benchmark does afterwards
 * reads them.
 */
public final class Replay {

    static final List<String> TRACKING = List.of(AuditTrailProjection.NAME);
    static final String INLINE = InboxProjection.NAME;

    /** {@code startupSeconds}: from start() until every processor had claimed its segment and begun. */
    public record Result(long events, double eventsPerSecond, double startupSeconds, List<String> projections) {
    }

    private Replay() {
    }

    /** Stops the projections, so that data written meanwhile is left for the timed rebuild. */
    public static void stopProjections(MandateSystem mandate) {
        mandate.streamingProcessors().forEach(StreamingEventProcessor::shutDown);
    }

    public static Result rebuild(MandateSystem mandate) {
        JdbcTemplate jdbc = mandate.context().getBean(JdbcTemplate.class);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        List<StreamingEventProcessor> all = mandate.streamingProcessors();
        all.forEach(StreamingEventProcessor::shutDown);
        List<StreamingEventProcessor> processors = all.stream()
                .filter(processor -> TRACKING.contains(processor.getName())).toList();
        if (processors.size() != TRACKING.size()
                || !processors.stream().allMatch(StreamingEventProcessor::supportsReset)) {
            throw new IllegalStateException("expected rebuildable projections " + TRACKING + ", found " + processors);
        }
        InlineRebuilds inline = mandate.context().getBean(InlineRebuilds.class);
        processors.forEach(StreamingEventProcessor::resetTokens);
        long launched = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        // A processor claims its segment on a launcher thread that may first sleep; that wait is not replay work.
        while (processors.stream().anyMatch(processor -> processor.processingStatus().isEmpty())) {
            LockSupport.parkNanos(1_000_000);
        }
        long start = System.nanoTime();
        long from = processors.stream().mapToLong(Replay::position).min().orElse(0);
        InlineRebuilds.Progress rebuilt = inline.rebuild(INLINE);
        if (rebuilt.failure() != null) {
            throw new IllegalStateException("the inbox's rebuild failed: " + rebuilt.failure());
        }
        mandate.awaitProjections(TRACKING, head, Duration.ofHours(4));
        double seconds = (System.nanoTime() - start) / 1e9;
        // the audit trail's share not yet done at start; the inbox replays every event
        long replayed = Math.round((double) events * (head - from) / head);
        return new Result(events, replayed / seconds, (start - launched) / 1e9,
                java.util.stream.Stream.concat(TRACKING.stream(), java.util.stream.Stream.of(INLINE)).sorted()
                        .toList());
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
    }
}
