package org.mandate.domain.request;

import org.junit.jupiter.api.Test;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fold of a request's steps: given its events, who holds each step, who decides it now, who lent it. */
class RequestStepsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(3));
    private static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a11");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId FAY = PersonId.of("fay");
    private static final PersonId OMAR = PersonId.of("omar");
    private static final StepId STEP = new StepId("task-1");
    private static final StepId OTHER = new StepId("task-2");
    private static final StepId VOTE = new StepId("task-3");

    @Test
    void anOpenedStepIsDecidedByWhomThePathRoutedItTo() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA));

        assertThat(steps.inReview()).isTrue();
        assertThat(steps.decider(STEP)).contains(VERA);
        assertThat(steps.lender(STEP)).isEmpty();
        assertThat(steps.open()).extracting(StepHolding::openedFor).containsExactly(VERA);
    }

    @Test
    void aLentStepIsDecidedByTheColleagueOnBehalfOfItsHolderUntilRecalled() {
        RequestSteps lent = fold(submitted(), opened(STEP, VERA), new StepDelegated(ID, STEP, VERA, FAY, null, NOW));

        assertThat(lent.decider(STEP)).contains(FAY);
        assertThat(lent.lender(STEP)).contains(VERA);
        assertThat(lent.step(STEP).map(StepHolding::assignee)).contains(VERA);

        RequestSteps recalled = lent.with(new StepDelegationRecalled(ID, STEP, VERA, FAY, null, NOW));
        assertThat(recalled.decider(STEP)).contains(VERA);
        assertThat(recalled.lender(STEP)).isEmpty();
    }

    @Test
    void anEscalationEndsTheLoanAndKeepsWhatTheStepWasOpenedFor() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA), new StepDelegated(ID, STEP, VERA, FAY, null, NOW),
                new StepEscalated(ID, STEP, VERA, OMAR, ANA, "late", NOW));

        StepHolding step = steps.step(STEP).orElseThrow();
        assertThat(step.decider()).isEqualTo(OMAR);
        assertThat(step.lender()).isNull();
        assertThat(step.openedFor()).isEqualTo(VERA);
    }

    @Test
    void aReassignedStepGoesToTheTakerInPerson() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA), new StepReassigned(ID, STEP, VERA, OMAR, "left",
                NOW));

        assertThat(steps.decider(STEP)).contains(OMAR);
        assertThat(steps.lender(STEP)).isEmpty();
    }

    @Test
    void aStepSentBackIsPausedUntilAnsweredAndThenDueLater() {
        Instant later = DUE.plus(Duration.ofHours(5));
        RequestSteps asked = fold(submitted(), opened(STEP, VERA),
                new MoreInformationRequested(ID, STEP, VERA, null, null, "Which hotel?", NOW));

        assertThat(asked.paused(STEP)).isTrue();

        RequestSteps answered = asked.with(new MoreInformationProvided(ID, STEP, ANA, "The Ritz", null, null,
                Duration.ofHours(5), later, NOW));
        assertThat(answered.paused(STEP)).isFalse();
        assertThat(answered.step(STEP).map(StepHolding::dueAt)).contains(later);
    }

    @Test
    void aRequesterWhoLeftEndsThePauseAsAnAnswerWould() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA),
                new MoreInformationRequested(ID, STEP, VERA, null, null, "Which hotel?", NOW),
                new RequesterLeftBeforeAnswering(ID, STEP, ANA, OMAR, Duration.ZERO, DUE, NOW));

        assertThat(steps.paused(STEP)).isFalse();
        assertThat(steps.decider(STEP)).contains(VERA);
    }

    @Test
    void aDecidedStepIsNoLongerOpenButRemembersItsDecision() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA), opened(OTHER, FAY),
                new StepDecided(ID, STEP, Outcome.APPROVED, VERA, null, null, null, NOW));

        assertThat(steps.open()).extracting(StepHolding::id).containsExactly(OTHER);
        StepHolding decided = steps.step(STEP).orElseThrow();
        assertThat(decided.decidedBy()).isEqualTo(VERA);
        assertThat(decided.approved()).isTrue();
    }

    @Test
    void anEventForAnotherStepLeavesTheStepAsItWas() {
        RequestSteps before = fold(submitted(), opened(STEP, VERA), opened(OTHER, FAY));

        RequestSteps after = before.with(new StepDelegated(ID, OTHER, FAY, OMAR, null, NOW));

        assertThat(after.step(STEP)).isEqualTo(before.step(STEP));
        assertThat(after.decider(OTHER)).contains(OMAR);
    }

    @Test
    void aCommitteeVoteIsOpenUntilItsQuorumIsMetAndHasNoSingleDecider() {
        RequestSteps open = fold(submitted(), new QuorumStepOpened(ID, VOTE, "Board", new CommitteeId("board"),
                "majority", List.of(VERA, FAY), Map.of(), null, 2, DUE, NOW, "approval:1:x"));

        assertThat(open.vote(VOTE)).isTrue();
        assertThat(open.opened(VOTE)).isTrue();
        assertThat(open.openVotes()).containsExactly(VOTE);
        assertThat(open.decider(VOTE)).isEmpty();

        RequestSteps met = open.with(new QuorumMet(ID, VOTE, "majority", List.of(VERA, FAY), NOW));
        assertThat(met.openVotes()).isEmpty();
        assertThat(met.vote(VOTE)).isTrue();
    }

    @Test
    void aClosedRequestHasNoOpenStepsOrVotesWhateverWasLeftUndecided() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA), new QuorumStepOpened(ID, VOTE, "Board",
                        new CommitteeId("board"), "majority", List.of(VERA, FAY), Map.of(), null, 2, DUE, NOW, null),
                new RequestWithdrawn(ID, ANA, null, NOW));

        assertThat(steps.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(steps.open()).isEmpty();
        assertThat(steps.openVotes()).isEmpty();
        assertThat(steps.step(STEP)).map(StepHolding::decided).contains(false);
    }

    @Test
    void anEventThatMovesNoStepReturnsTheSameSteps() {
        RequestSteps steps = fold(submitted(), opened(STEP, VERA));

        assertThat(steps.with(new RequestCommented(ID, "c-1", ANA, "Any news?", List.of(), NOW))).isSameAs(steps);
    }

    @Test
    void beforeSubmissionThereIsNoStatusAndNoStep() {
        assertThat(RequestSteps.none().status()).isNull();
        assertThat(RequestSteps.none().open()).isEmpty();
        assertThat(RequestSteps.none().decider(STEP)).isEmpty();
    }

    private static RequestSteps fold(Object... events) {
        return RequestSteps.of(Stream.of(events));
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Trip", "travel", new BigDecimal("100"), "EUR", null, ANA, "approval", NOW);
    }

    private static StepOpened opened(StepId stepId, PersonId assignee) {
        return new StepOpened(ID, stepId, "Approve", assignee, DUE, NOW, "approval:1:x");
    }
}
