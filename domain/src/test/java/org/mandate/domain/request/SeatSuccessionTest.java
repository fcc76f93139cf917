package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.domain.committee.CommitteeRoster;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mandate.domain.request.QuorumStepTest.BUDGET;
import static org.mandate.domain.request.QuorumStepTest.ID;
import static org.mandate.domain.request.QuorumStepTest.NOW;
import static org.mandate.domain.request.QuorumStepTest.STEP;

/**
 * A leaver's seat on an open committee vote: their successor takes it when they sit on the committee and may
 * decide the request; otherwise the leaver is only taken off. The budget committee here is vera, omar, pat and ben;
 * ben joined after the vote opened, so he is not one of its voters.
 */
class SeatSuccessionTest {

    static final PersonId ANA = PersonId.of("ana");
    static final PersonId VERA = PersonId.of("vera");
    static final PersonId OMAR = PersonId.of("omar");
    static final PersonId PAT = PersonId.of("pat");
    static final PersonId BEN = PersonId.of("ben");
    static final PersonId LIAM = PersonId.of("liam");

    private FixtureConfiguration<ApprovalRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), new MandateRegister(), new CommitteeRoster()
                .with("budget-committee", 100_000, "vera", "omar", "pat", "ben")
                .with("finance", 100_000, "fay", "omar")
                .with("it", 100_000, "liam"));
    }

    @Test
    void aSuccessorWhoSitsOnTheCommitteeTakesTheLeaversSeat() {
        fixture.given(submitted(ANA), opened(List.of(VERA, OMAR, PAT)), cast(VERA))
                .when(new RemoveVoter(ID, STEP, VERA, BEN, "vera left"))
                .expectEvents(new VoterReplaced(ID, STEP, VERA, BEN, "vera left", NOW));
    }

    @Test
    void theLeaversBallotDoesNotCountAndTheSuccessorVotesAfresh() {
        fixture.given(submitted(ANA), opened(List.of(VERA, OMAR, PAT)), cast(VERA),
                        new VoterReplaced(ID, STEP, VERA, BEN, "vera left", NOW))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR));
        fixture.given(submitted(ANA), opened(List.of(VERA, OMAR, PAT)), cast(OMAR),
                        new VoterReplaced(ID, STEP, VERA, BEN, "vera left", NOW))
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectEvents(cast(BEN), new QuorumMet(ID, STEP, "2 of 3", List.of(BEN, OMAR), NOW));
    }

    /** Pat leaves and names a successor who may not take the seat: pat is only taken off, and the step says why. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("successorsWhoGetNoSeat")
    void aSuccessorWhoMayNotVoteDoesNotTakeTheSeat_theLeaverIsTakenOffAsBefore(String when, PersonId requester,
                                                                                PersonId successor, String why) {
        fixture.given(submitted(requester), opened(List.of(VERA, OMAR, PAT)))
                .when(new RemoveVoter(ID, STEP, PAT, successor, "pat left"))
                .expectEvents(new VoterRemoved(ID, STEP, PAT, "pat left; their seat is not handed on: " + why, 2,
                        NOW));
    }

    static Stream<Arguments> successorsWhoGetNoSeat() {
        return Stream.of(
                arguments("a successor off the committee", ANA, LIAM, "liam does not sit on budget-committee"),
                arguments("a successor who already votes gets no second seat", ANA, VERA, "vera already votes on it"),
                arguments("the requester never takes a seat on their own request", BEN, BEN,
                        "ben made this request"),
                // ben reports to liam, who asks
                arguments("a successor reporting to the requester", LIAM, BEN,
                        "ben reports to liam, who made this request"));
    }

    @Test
    void aOneFromEachVotesSeatsAreNotHandedOn() {
        fixture.given(submitted(ANA), new QuorumStepOpened(ID, STEP, "Finance and IT", null,
                        "one from each of finance, it", List.of(PersonId.of("fay"), OMAR, LIAM),
                        Map.of("finance", List.of(PersonId.of("fay"), OMAR), "it", List.of(LIAM)), null, 2, null, NOW,
                        "approval:2"))
                .when(new RemoveVoter(ID, STEP, OMAR, BEN, "omar left"))
                .expectEvents(new VoterRemoved(ID, STEP, OMAR, "omar left; their seat is not handed on: the vote's "
                        + "seats belong to groups, which are not handed on", 2, NOW));
    }

    private static RequestSubmitted submitted(PersonId requester) {
        return new RequestSubmitted(ID, "New science wing", "equipment", new BigDecimal("50000"), "EUR", "Labs",
                requester, ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    private static QuorumStepOpened opened(List<PersonId> voters) {
        return new QuorumStepOpened(ID, STEP, "Budget committee", BUDGET, "2 of 3", voters, Map.of(), null, 2, null,
                NOW, "approval:2");
    }

    private static VoteCast cast(PersonId voter) {
        return new VoteCast(ID, STEP, voter, Outcome.APPROVED, voter, null, null, null, NOW);
    }
}
