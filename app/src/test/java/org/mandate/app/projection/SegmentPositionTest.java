package org.mandate.app.projection;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import org.mandate.app.projection.ProjectionProgress.SegmentPosition;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-your-writes relies on this: a projection has handled an event only when it is past it and not missing it. */
class SegmentPositionTest {

    @Test
    void aSegmentPastAnEventHasHandledIt() {
        assertThat(new SegmentPosition(0, 12, List.of(), "node").processed(10)).isTrue();
        assertThat(new SegmentPosition(0, 10, List.of(), "node").processed(10)).isTrue();
    }

    @Test
    void anEventCommittedAfterALaterOneIsNotHandledWhileItIsAGap() {
        // two commands committed out of order: the segment saw event 11 first, and 10 is still a gap
        SegmentPosition position = new SegmentPosition(0, 11, List.of(10L), "node");

        assertThat(position.processed(10)).isFalse();
        assertThat(position.processed(11)).isTrue();
    }

    @Test
    void aSegmentBeforeAnEventHasNotHandledIt() {
        assertThat(new SegmentPosition(0, 9, List.of(), "node").processed(10)).isFalse();
        assertThat(new SegmentPosition(0, -1, List.of(), null).processed(0)).isFalse();
    }

    /**
     * Axon's tracking processor stores a segment's token after skipping other segments' events only once a second
     * (its event availability timeout); on two nodes a command waited that second for the segment with nothing to
     * do with its request. A segment of two (mask 1) processes the aggregates whose hash code has its segment id
     * as lowest bit: "b" (98) is segment 0's, "a" (97) segment 1's.
     */
    @Test
    void aSegmentBehindOnlyOtherSegmentsEventsHasNothingLeftToHandle() {
        Segment second = Segment.computeSegment(1, 0, 1);
        SegmentPosition stored = new SegmentPosition(1, 9, List.of(), "other-node");

        assertThat(stored.skippedOnly(12, second, List.of("b", "b", "b"))).isTrue();
        assertThat(stored.skippedOnly(12, second, List.of("b", "a", "b"))).as("one of its own among them")
                .isFalse();
        assertThat(new SegmentPosition(0, 9, List.of(), "other-node")
                .skippedOnly(12, Segment.computeSegment(0, 0, 1), List.of("b"))).isFalse();
    }

    @Test
    void aSegmentThatHasNotSeenAnEventIsNotCountedAsHavingSkippedIt() {
        Segment second = Segment.computeSegment(1, 0, 1);

        assertThat(new SegmentPosition(1, 12, List.of(10L), "other-node").skippedOnly(10, second, List.of()))
                .as("the event is still a gap below the token").isFalse();
        assertThat(new SegmentPosition(1, -1, List.of(), null).skippedOnly(10, second, List.of("b")))
                .as("no token stored yet").isFalse();
    }
}
