package org.mandate.app.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
    /** A segment further behind than this many events is waited for by its stored token alone. */
    static final int SKIPPED_EVENTS_READ = 1000;

    /** One segment's token: the position it has processed up to, and the gaps below it it has not seen yet. */
    public record SegmentPosition(int segment, long position, List<Long> gaps, String owner) {

        boolean processed(long globalIndex) {
            return position >= globalIndex && !gaps.contains(globalIndex);
        }

        /**
         * Whether this segment (its mask as {@code segment} gives it) has nothing of its own to process up to the
         * index although its token is behind it: every event after its position up to the index, given by its
         * aggregate id, belongs to another segment. A segment past the index that still lists it as a gap has not
         * seen it at all; one that never stored a token has seen nothing.
         */
        boolean skippedOnly(long globalIndex, Segment segment, Collection<String> aggregatesAfterPosition) {
            return position >= 0 && position < globalIndex
                    && aggregatesAfterPosition.stream().noneMatch(segment::matches);
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
        return segments(projections());
    }

    /** The segments of these projections only: a caller waiting for some reads their rows, not every one's. */
    private Map<String, List<SegmentPosition>> segments(Collection<String> projections) {
        Map<String, List<SegmentPosition>> segments = new TreeMap<>();
        projections.forEach(name -> segments.put(name, new ArrayList<>()));
        if (segments.isEmpty()) {
            return segments;
        }
        String names = String.join(",", Collections.nCopies(segments.size(), "?"));
        jdbc.query("select processor_name, segment, token, token_type, owner from token_entry "
                + "where processor_name in (" + names + ")", row -> {
            List<SegmentPosition> positions = segments.get(row.getString("processor_name"));
            if (positions != null) {
                positions.add(position(row.getInt("segment"), row.getBytes("token"), row.getString("token_type"),
                        row.getString("owner")));
            }
        }, segments.keySet().toArray());
        return segments;
    }

    /**
     * True when every segment of each of these projections has processed the event at this global index. A
     * projection whose segments all run on this node is answered from its threads' own tokens, with no query
     * (read-your-writes asked this after every command until the inbox and request view became inline; the bench's
     * replay still waits with it). Only one with a segment elsewhere is read from the store.
     * <p>
     * A segment whose stored token is behind still counts when none of the events between its token and this
     * index is one of its own. Axon's tracking processor skips events that belong to other segments without
     * storing its token: it keeps reading until it has an event of its own or its event availability timeout
     * (a second) has passed, and only then stores the token. So a segment's stored token lags up to a second
     * behind the events it skips, and a command on one of two nodes waited that second for the segment that had
     * nothing to do with its request (measured in ScaleOutIntegrationTest: the request's own segment stored its
     * token 40-170 ms after the call began, the other one 750-1100 ms; median submission 1012 ms against 64 ms on
     * one node). The segments' threads have moved past those events in memory, which is what this node's own
     * segments are answered from; for another node's segments the events are read (their aggregate ids, no
     * more than {@link #SKIPPED_EVENTS_READ} of them) and matched against the segment the way the processor
     * matches them.
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
        Map<String, List<SegmentPosition>> segments = segments(elsewhere);
        EventsUpTo events = new EventsUpTo(globalIndex);
        return elsewhere.stream().allMatch(name -> {
            List<SegmentPosition> positions = segments.getOrDefault(name, List.of());
            Map<Integer, Boolean> here = segmentsHere(name, globalIndex);
            return !positions.isEmpty() && positions.stream().allMatch(position ->
                    here.containsKey(position.segment()) ? here.get(position.segment())
                            : position.processed(globalIndex) || noneOfItsOwn(name, position, positions, events));
        });
    }

    /**
     * Whether each segment of the projection that this node's threads hold has processed the event, by segment:
     * their tokens in memory have moved past the events they skipped, which their stored tokens have not yet.
     */
    private Map<Integer, Boolean> segmentsHere(String projection, long globalIndex) {
        Map<Integer, Boolean> here = new HashMap<>();
        processing.eventProcessor(projection, StreamingEventProcessor.class).ifPresent(processor ->
                processor.processingStatus().values().forEach(status -> here.put(status.getSegment().getSegmentId(),
                        processedBy(status, globalIndex))));
        return here;
    }

    /**
     * Whether none of the events after the segment's stored position, up to the awaited index, is one the segment
     * processes: true only when the projection sequences events per aggregate (Axon's default, which all of
     * Mandate's projections use), so that the aggregate id alone decides the segment.
     */
    private boolean noneOfItsOwn(String projection, SegmentPosition position, List<SegmentPosition> all,
                                 EventsUpTo events) {
        if (position.position() < 0 || position.position() >= events.upTo
                || events.upTo - position.position() > SKIPPED_EVENTS_READ
                || !(processing.sequencingPolicy(projection) instanceof SequentialPerAggregatePolicy)) {
            return false;
        }
        Segment segment = Segment.computeSegment(position.segment(),
                all.stream().mapToInt(SegmentPosition::segment).toArray());
        return position.skippedOnly(events.upTo, segment, events.after(position.position()));
    }

    /** The aggregate ids of the events up to an index, read once per look and only when a segment needs them. */
    private final class EventsUpTo {

        private final long upTo;
        private long from = Long.MAX_VALUE;
        private final TreeMap<Long, String> aggregates = new TreeMap<>();

        EventsUpTo(long upTo) {
            this.upTo = upTo;
        }

        Collection<String> after(long position) {
            if (position < from) {
                jdbc.query("select global_index, aggregate_identifier from domain_event_entry "
                                + "where global_index > ? and global_index <= ?",
                        row -> {
                            aggregates.put(row.getLong(1), row.getString(2));
                        }, position, Math.min(upTo, from));
                from = position;
            }
            return aggregates.tailMap(position, false).values();
        }
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
        return statuses.stream().allMatch(status -> processedBy(status, globalIndex));
    }

    private static boolean processedBy(EventTrackerStatus status, long globalIndex) {
        TrackingToken current = WrappedToken.unwrapLowerBound(status.getTrackingToken());
        return current instanceof GapAwareTrackingToken position
                && new SegmentPosition(status.getSegment().getSegmentId(), position.getIndex(),
                List.copyOf(position.getGaps()), null).processed(globalIndex);
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
