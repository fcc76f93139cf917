package org.mandate.bench.measure;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.bench.target.MandateSystem;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Rebuilds every streaming projection from event zero, the way an operator's rebuild does, and times it. */
public final class Replay {

    public record Result(long events, double eventsPerSecond, List<String> projections) {
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
        List<StreamingEventProcessor> processors = mandate.streamingProcessors();
        processors.forEach(StreamingEventProcessor::shutDown);
        for (StreamingEventProcessor processor : processors) {
            if (!processor.supportsReset()) {
                throw new IllegalStateException(processor.getName() + " cannot be rebuilt: it has no reset");
            }
            processor.resetTokens();
        }
        long start = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        mandate.awaitProjections(head, java.time.Duration.ofHours(4));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(events, events / seconds,
                processors.stream().map(StreamingEventProcessor::getName).sorted().toList());
    }
}
