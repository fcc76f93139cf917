package org.mandate.app.projection;

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
}
