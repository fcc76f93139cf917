package org.mandate.bench.measure;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.bench.system.MandateSystem;
import org.mandate.projections.audit.AuditTrailProjection;
import org.mandate.projections.inbox.InboxProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds the audit trail and the inbox from event zero together, the way an operator's rebuild does, and times it
 * (the replay figure). The other projections stay stopped, during the replay and the inbox queries after it,
 * so that what is measured has the machine to itself; nothing the benchmark does afterwards reads them.
 */
public final class Replay {

    static final List<String> REBUILT = List.of(AuditTrailProjection.NAME, InboxProjection.NAME);

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
                .filter(processor -> REBUILT.contains(processor.getName())).toList();
        if (processors.size() != REBUILT.size() || !processors.stream().allMatch(StreamingEventProcessor::supportsReset)) {
            throw new IllegalStateException("expected rebuildable projections " + REBUILT + ", found " + processors);
        }
        processors.forEach(StreamingEventProcessor::resetTokens);
        long launched = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        // A processor claims its segment on a launcher thread that may first sleep; that wait is not replay work.
        while (processors.stream().anyMatch(processor -> processor.processingStatus().isEmpty())) {
            LockSupport.parkNanos(1_000_000);
        }
        long start = System.nanoTime();
        long from = processors.stream().mapToLong(Replay::position).min().orElse(0);
        mandate.awaitProjections(REBUILT, head, Duration.ofHours(4));
        double seconds = (System.nanoTime() - start) / 1e9;
        long replayed = Math.round((double) events * (head - from) / head); // the share not yet done at start
        return new Result(events, replayed / seconds, (start - launched) / 1e9,
                processors.stream().map(StreamingEventProcessor::getName).sorted().toList());
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
    }
}
