package org.mandate.app.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * How far each tracking projection has got, across all nodes. Segments of one projection may be claimed by
 * different nodes, so a node's own processor status tells only part of the story; the token store, which all
 * nodes share, tells all of it.
 */
@Component
public class ProjectionProgress {

    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(1).toNanos() / 20;
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    /** One segment's token: the position it has processed up to, and the gaps below it it has not seen yet. */
    public record SegmentPosition(int segment, long position, List<Long> gaps, String owner) {

        boolean processed(long globalIndex) {
            return position >= globalIndex && !gaps.contains(globalIndex);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ProjectionProgress(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                              EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** The names of the streaming (tracking or pooled) projections this application runs. */
    public List<String> projections() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(processor -> processor.getName())
                .sorted().toList();
    }

    /** The global index of the newest event in the store, or -1 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Every segment of every streaming projection, by projection name; a projection not started yet has none. */
    public Map<String, List<SegmentPosition>> segments() {
        Map<String, List<SegmentPosition>> segments = new TreeMap<>();
        projections().forEach(name -> segments.put(name, new ArrayList<>()));
        jdbc.query("select processor_name, segment, token, token_type, owner from token_entry", row -> {
            List<SegmentPosition> positions = segments.get(row.getString("processor_name"));
            if (positions != null) {
                positions.add(position(row.getInt("segment"), row.getBytes("token"), row.getString("token_type"),
                        row.getString("owner")));
            }
        });
        return segments;
    }

    /**
     * True when every segment of each of these projections has processed the event at this global index. A
     * projection whose segments all run on this node is answered from its threads' own tokens, with no query:
     * read-your-writes asks this after every command. Only one with a segment elsewhere is read from the store.
     */
    public boolean processed(Collection<String> projections, long globalIndex) {
        List<String> elsewhere = new ArrayList<>();
        for (String name : projections) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElse(null);
            Boolean local = processor == null ? null : processedHere(processor, globalIndex);
            if (Boolean.FALSE.equals(local)) {
                return false;
            }
            if (local == null) {
                elsewhere.add(name);
            }
        }
        if (elsewhere.isEmpty()) {
            return true;
        }
        Map<String, List<SegmentPosition>> segments = segments();
        return elsewhere.stream().map(name -> segments.getOrDefault(name, List.of()))
                .allMatch(positions -> !positions.isEmpty()
                        && positions.stream().allMatch(position -> position.processed(globalIndex)));
    }

    /**
     * Waits until {@link #processed} is true or {@code limit} has passed, and says which. The pause between two
     * looks grows with the time waited (an eighth of it, from 50 microseconds up to a millisecond), so a wait
     * overshoots by an eighth at most: a projection usually shows a command's events within a few milliseconds,
     * and a fixed millisecond's pause added half a millisecond on average to every command's answer.
     */
    public boolean awaitProcessed(Collection<String> projections, long globalIndex, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!processed(projections, globalIndex)) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return false;
            }
            LockSupport.parkNanos(Math.max(MIN_PAUSE_NANOS, Math.min(MAX_PAUSE_NANOS, (now - start) / 8)));
        }
        return true;
    }

    /** Whether this node's threads have processed the event, or null when some segment is not claimed here. */
    private static Boolean processedHere(StreamingEventProcessor processor, long globalIndex) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        double share = statuses.stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        if (!processor.isRunning() || Math.abs(share - 1.0) > 1e-9) {
            return null;
        }
        return statuses.stream().allMatch(status -> {
            TrackingToken current = WrappedToken.unwrapLowerBound(status.getTrackingToken());
            return current instanceof GapAwareTrackingToken position
                    && new SegmentPosition(status.getSegment().getSegmentId(), position.getIndex(),
                    List.copyOf(position.getGaps()), null).processed(globalIndex);
        });
    }

    /** Events a projection still has to process: the head minus its slowest segment's position. */
    public static long lag(List<SegmentPosition> positions, long head) {
        if (positions.isEmpty()) {
            return head + 1;
        }
        long slowest = positions.stream().mapToLong(SegmentPosition::position).min().orElse(-1);
        return Math.max(0, head - slowest);
    }

    private SegmentPosition position(int segment, byte[] data, String type, String owner) {
        if (data == null || type == null) {
            return new SegmentPosition(segment, -1, List.of(), owner);
        }
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
        // during a replay the token wraps where the projection is now; that is what counts here
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return new SegmentPosition(segment, gapAware.getIndex(), List.copyOf(gapAware.getGaps()), owner);
        }
        return new SegmentPosition(segment, current == null ? -1 : current.position().orElse(-1), List.of(), owner);
    }
}
