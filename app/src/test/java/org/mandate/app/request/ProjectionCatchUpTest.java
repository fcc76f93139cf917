package org.mandate.app.request;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionCatchUpTest {

    @Test
    void aProcessorPastAnEventHasHandledIt() {
        assertThat(ProjectionCatchUp.handled(GapAwareTrackingToken.newInstance(12, List.of()), 10)).isTrue();
        assertThat(ProjectionCatchUp.handled(GapAwareTrackingToken.newInstance(10, List.of()), 10)).isTrue();
    }

    @Test
    void anEventCommittedAfterALaterOneIsNotHandledWhileItIsAGap() {
        // two commands committed out of order: the processor saw event 11 first, and 10 is still a gap
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(11, List.of(10L));

        assertThat(ProjectionCatchUp.handled(position, 10)).isFalse();
        assertThat(ProjectionCatchUp.handled(position, 11)).isTrue();
    }

    @Test
    void aProcessorBeforeAnEventHasNotHandledIt() {
        assertThat(ProjectionCatchUp.handled(GapAwareTrackingToken.newInstance(9, List.of()), 10)).isFalse();
        assertThat(ProjectionCatchUp.handled(null, 0)).isFalse();
    }

    @Test
    void aRebuildingProjectionCountsFromWhereTheRebuildHasGot() {
        var rebuilding = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()),
                GapAwareTrackingToken.newInstance(40, List.of()));

        assertThat(ProjectionCatchUp.handled(rebuilding, 40)).isTrue();
        assertThat(ProjectionCatchUp.handled(rebuilding, 41)).isFalse();
    }
}
