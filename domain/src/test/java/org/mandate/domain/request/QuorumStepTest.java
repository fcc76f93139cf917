package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.CommitteeRoster;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.mandate.MandateRegister.mandate;

/** Committee votes: each rule, early rejection, changed votes, the requester who sits on the committee. */
class QuorumStepTest {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final RequestId ID = RequestId.of("5a0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a22");
    static final StepId STEP = new StepId("vote-1");
    static final CommitteeId BUDGET = CommitteeId.of("budget-committee");
    static final PersonId ANA = PersonId.of("ana");
    static final PersonId VERA = PersonId.of("vera");
    static final PersonId OMAR = PersonId.of("omar");
    static final PersonId PAT = PersonId.of("pat");
    static final PersonId LIAM = PersonId.of("liam");
    static final PersonId FAY = PersonId.of("fay");
    static final List<PersonId> BOARD = List.of(VERA, OMAR, PAT);
    private static final String MANDATE = "3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51";

    private FixtureConfiguration<ApprovalRequest> fixture;
    private MandateRegister register;

    @BeforeEach
    void setUp() {
        register = new MandateRegister();
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), register, CommitteeRoster.school()
                .with("finance", 100_000, "fay", "omar")
                .with("it", 100_000, "liam")
                .with("small", 1_000, "vera", "omar"));
    }

    @Test
    void opensWithTheCommitteesMembersAsTheVoters() {
        fixture.given(submitted(ANA))
                .when(open(BUDGET, "2 of 3"))
                .expectEvents(new QuorumStepOpened(ID, STEP, "Budget committee", BUDGET, "2 of 3", BOARD, Map.of(),
                        null, 2, null, NOW, "approval:2"));
    }

    @Test
    void twoOfThreeIsMetByTheSecondApproval() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR, Outcome.APPROVED),
                        new QuorumMet(ID, STEP, "2 of 3", List.of(VERA, OMAR), NOW));
    }

    @Test
    void twoOfThreeFailsEarlyWhenTwoHaveRejected() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), rejectedBy(VERA))
                .when(new DecideStep(ID, STEP, PAT, Outcome.REJECTED, "Over budget"))
                .expectEvents(new VoteCast(ID, STEP, PAT, Outcome.REJECTED, PAT, null, "Over budget", null, NOW),
                        new QuorumFailed(ID, STEP, "2 of 3", List.of(VERA, PAT),
                                "2 of 3 needs 2 approvals of 3 voters, and 2 rejected (vera, pat)", NOW));
    }

    @Test
    void allFailsAtTheFirstRejection() {
        fixture.given(submitted(ANA), opened("all", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.REJECTED, "Not now"))
                .expectEvents(new VoteCast(ID, STEP, OMAR, Outcome.REJECTED, OMAR, null, "Not now", null, NOW),
                        new QuorumFailed(ID, STEP, "all", List.of(OMAR),
                                "all needs 3 approvals of 3 voters, and 1 rejected (omar)", NOW));
    }

    @Test
    void allIsMetOnlyByTheLastApproval() {
        fixture.given(submitted(ANA), opened("all", BOARD), cast(VERA, Outcome.APPROVED), cast(PAT, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR, Outcome.APPROVED), new QuorumMet(ID, STEP, "all", BOARD, NOW));
    }

    @Test
    void anyIsMetByOneApprovalAfterRejections() {
        fixture.given(submitted(ANA), opened("any", BOARD), rejectedBy(VERA), rejectedBy(OMAR))
                .when(new DecideStep(ID, STEP, PAT, Outcome.APPROVED, null))
                .expectEvents(cast(PAT, Outcome.APPROVED), new QuorumMet(ID, STEP, "any", List.of(PAT), NOW));
    }

    @Test
    void anyFailsOnlyWhenEveryoneRejected() {
        fixture.given(submitted(ANA), opened("any", BOARD), rejectedBy(VERA), rejectedBy(OMAR))
                .when(new DecideStep(ID, STEP, PAT, Outcome.REJECTED, "No"))
                .expectEvents(new VoteCast(ID, STEP, PAT, Outcome.REJECTED, PAT, null, "No", null, NOW),
                        new QuorumFailed(ID, STEP, "any", BOARD,
                                "any needs 1 approval of 3 voters, and 3 rejected (vera, omar, pat)", NOW));
    }

    @Test
    void majorityOfFourNeedsThree() {
        List<PersonId> four = List.of(VERA, OMAR, PAT, LIAM);
        fixture.given(submitted(ANA), opened("majority", four), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR, Outcome.APPROVED));
    }

    @Test
    void majorityOfThreeFailsAtTheSecondRejection() {
        fixture.given(submitted(ANA), opened("majority", BOARD), rejectedBy(OMAR))
                .when(new DecideStep(ID, STEP, VERA, Outcome.REJECTED, "Too much"))
                .expectEvents(new VoteCast(ID, STEP, VERA, Outcome.REJECTED, VERA, null, "Too much", null, NOW),
                        new QuorumFailed(ID, STEP, "majority", List.of(VERA, OMAR),
                                "majority needs 2 approvals of 3 voters, and 2 rejected (vera, omar)", NOW));
    }

    @Test
    void oneFromEachNeedsAnApprovalInEveryGroup() {
        fixture.given(submitted(ANA))
                .when(new OpenQuorumStep(ID, STEP, "Finance and IT", null, "one from each of finance, it", null,
                        "approval:2"))
                .expectEvents(new QuorumStepOpened(ID, STEP, "Finance and IT", null, "one from each of finance, it",
                        List.of(FAY, OMAR, LIAM), Map.of("finance", List.of(FAY, OMAR), "it", List.of(LIAM)), null, 2,
                        null, NOW, "approval:2"));
    }

    @Test
    void oneFromEachIsNotMetByTwoFromOneGroup() {
        fixture.given(submitted(ANA), eachOpened(), cast(FAY, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR, Outcome.APPROVED));
    }

    @Test
    void oneFromEachIsMetWhenTheLastGroupApproves() {
        fixture.given(submitted(ANA), eachOpened(), cast(FAY, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectEvents(cast(LIAM, Outcome.APPROVED),
                        new QuorumMet(ID, STEP, "one from each of finance, it", List.of(FAY, LIAM), NOW));
    }

    @Test
    void oneFromEachFailsWhenAWholeGroupRejected() {
        fixture.given(submitted(ANA), eachOpened(), cast(FAY, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, LIAM, Outcome.REJECTED, "No server room"))
                .expectEvents(new VoteCast(ID, STEP, LIAM, Outcome.REJECTED, LIAM, null, "No server room", null, NOW),
                        new QuorumFailed(ID, STEP, "one from each of finance, it", List.of(LIAM),
                                "every voter for it rejected (liam)", NOW));
    }

    @Test
    void aVoteChangesWhileTheStepIsOpenAsItsOwnEvent() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, VERA, Outcome.REJECTED, "Saw the quote"))
                .expectEvents(new VoteCast(ID, STEP, VERA, Outcome.REJECTED, VERA, null, "Saw the quote",
                        Outcome.APPROVED, NOW));
    }

    @Test
    void aChangedVoteCountsOnlyOnce() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED),
                        new VoteCast(ID, STEP, VERA, Outcome.REJECTED, VERA, null, "Hm", Outcome.APPROVED, NOW))
                .when(new DecideStep(ID, STEP, OMAR, Outcome.APPROVED, null))
                .expectEvents(cast(OMAR, Outcome.APPROVED));
    }

    @Test
    void theSameVoteTwiceIsAConflictNotASecondEvent() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, VERA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already approved"));
    }

    @Test
    void aVoteCannotChangeOnceTheQuorumIsMet() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED),
                        cast(OMAR, Outcome.APPROVED), new QuorumMet(ID, STEP, "2 of 3", List.of(VERA, OMAR), NOW))
                .when(new DecideStep(ID, STEP, VERA, Outcome.REJECTED, "Changed my mind"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "vote is closed"));
    }

    @Test
    void aRejectionNeedsARationale() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD))
                .when(new DecideStep(ID, STEP, PAT, Outcome.REJECTED, "  "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "rationale"));
    }

    @Test
    void aRequesterWhoSitsOnTheCommitteeIsLeftOutAndTheQuorumCountsTheRest() {
        fixture.given(submitted(VERA))
                .when(open(BUDGET, "majority"))
                .expectEvents(new QuorumStepOpened(ID, STEP, "Budget committee", BUDGET, "majority",
                        List.of(OMAR, PAT), Map.of(), VERA, 2, null, NOW, "approval:2"));
    }

    @Test
    void aRuleTheRestCannotMeetIsRefusedNamingWhy() {
        fixture.given(submitted(VERA))
                .when(open(BUDGET, "3 of 3"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT,
                        "needs 3 approvals (3 of 3), but only 2 members can vote (vera made the request"));
    }

    @Test
    void theRequesterCannotVoteEvenThroughAMandate() {
        register.add(mandate(MANDATE, "pat", "vera", 100_000, NOW.minusSeconds(60), NOW.plusSeconds(60)));
        fixture.given(submitted(VERA), opened("2 of 2", List.of(OMAR, PAT)))
                .when(new DecideStep(ID, STEP, VERA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "cannot vote on it"));
    }

    @Test
    void someoneOffTheCommitteeWithoutAMandateCannotVote() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD))
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "only its voters (vera, omar, pat)"));
    }

    @Test
    void aMandateHolderVotesForTheMemberAndItIsRecorded() {
        register.add(mandate(MANDATE, "pat", "liam", 100_000, NOW.minusSeconds(60), NOW.plusSeconds(60)));
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, "For Pat"))
                .expectEvents(new VoteCast(ID, STEP, PAT, Outcome.APPROVED, LIAM, MANDATE, "For Pat", null, NOW),
                        new QuorumMet(ID, STEP, "2 of 3", List.of(VERA, PAT), NOW));
    }

    @Test
    void aMandateTooSmallForTheRequestGivesNoVote() {
        register.add(mandate(MANDATE, "pat", "liam", 1_000, NOW.minusSeconds(60), NOW.plusSeconds(60)));
        fixture.given(submitted(ANA), opened("2 of 3", BOARD))
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "covers equipment 50000 EUR"));
    }

    @Test
    void anUnknownCommitteeOrOneWithoutTheAuthorityIsRefused() {
        fixture.given(submitted(ANA))
                .when(open(CommitteeId.of("nobody"), "any"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "does not exist or was dissolved"));
        fixture.given(submitted(ANA))
                .when(open(CommitteeId.of("small"), "any"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "does not cover 50000 EUR"));
    }

    @Test
    void aLeaverIsTakenOffTheVoteAndTheQuorumRecomputed() {
        fixture.given(submitted(ANA), opened("majority", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new RemoveVoter(ID, STEP, PAT, null, "pat left"))
                .expectEvents(new VoterRemoved(ID, STEP, PAT, "pat left", 2, NOW));
    }

    @Test
    void aLeaverWhoseVoteWasTheLastMissingMeetsTheQuorum() {
        fixture.given(submitted(ANA), opened("all", BOARD), cast(VERA, Outcome.APPROVED), cast(OMAR, Outcome.APPROVED))
                .when(new RemoveVoter(ID, STEP, PAT, null, "pat left"))
                .expectEvents(new VoterRemoved(ID, STEP, PAT, "pat left", 2, NOW),
                        new QuorumMet(ID, STEP, "all", List.of(VERA, OMAR), NOW));
    }

    @Test
    void aLeaverWhoMadeTheQuorumImpossibleFailsIt() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), rejectedBy(VERA))
                .when(new RemoveVoter(ID, STEP, PAT, null, "pat left"))
                .expectEvents(new VoterRemoved(ID, STEP, PAT, "pat left", 2, NOW),
                        new QuorumFailed(ID, STEP, "2 of 3", List.of(VERA),
                                "2 of 3 needs 2 approvals of 2 voters, and 1 rejected (vera)", NOW));
    }

    @Test
    void aCommitteeVoteCannotBeLentOrEscalated() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD))
                .when(new DelegateStep(ID, STEP, VERA, LIAM, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "committee vote and cannot be lent"));
    }

    @Test
    void theTimeLimitOnAVoteChasesTheVotersStillToVoteAndMovesNothing() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED))
                .when(new EscalateStep(ID, STEP, null, "Open longer than its time limit (P5D)"))
                .expectEvents(new VoteOverdue(ID, STEP, List.of(OMAR, PAT), "Open longer than its time limit (P5D)",
                        NOW));
    }

    @Test
    void theTimeLimitRecordsNothingOnceTheVoteClosedOrEveryoneVoted() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED),
                        cast(OMAR, Outcome.APPROVED), new QuorumMet(ID, STEP, "2 of 3", List.of(VERA, OMAR), NOW))
                .when(new EscalateStep(ID, STEP, null, "Open longer than its time limit (P5D)"))
                .expectNoEvents();
        fixture.given(submitted(ANA), opened("all", List.of(VERA, OMAR)), cast(VERA, Outcome.APPROVED),
                        new RequestWithdrawn(ID, ANA, "Not needed", NOW))
                .when(new EscalateStep(ID, STEP, null, "Open longer than its time limit (P5D)"))
                .expectNoEvents();
    }

    @Test
    void aPersonStillCannotEscalateAVote() {
        fixture.given(submitted(ANA), opened("2 of 3", BOARD))
                .when(new EscalateStep(ID, STEP, VERA, "Taking too long"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "committee vote and cannot be escalated"));
    }

    @Test
    void aPathEndingAfterTheQuorumApprovesTheRequest() {
        fixture.given(submitted(ANA, "4000"), opened("2 of 3", BOARD), cast(VERA, Outcome.APPROVED),
                        cast(OMAR, Outcome.APPROVED), new QuorumMet(ID, STEP, "2 of 3", List.of(VERA, OMAR), NOW))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectEvents(new RequestApproved(ID, NOW));
    }

    private static RequestSubmitted submitted(PersonId requester) {
        return submitted(requester, "50000");
    }

    private static RequestSubmitted submitted(PersonId requester, String amount) {
        return new RequestSubmitted(ID, "New science wing", "equipment", new BigDecimal(amount), "EUR", "Labs",
                requester, ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    private static OpenQuorumStep open(CommitteeId committee, String rule) {
        return new OpenQuorumStep(ID, STEP, "Budget committee", committee, rule, null, "approval:2");
    }

    private static QuorumStepOpened opened(String rule, List<PersonId> voters) {
        return new QuorumStepOpened(ID, STEP, "Budget committee", BUDGET, rule, voters, Map.of(), null,
                QuorumRule.parse(rule).needed(voters.size()), null, NOW, "approval:2");
    }

    private static QuorumStepOpened eachOpened() {
        return new QuorumStepOpened(ID, STEP, "Finance and IT", null, "one from each of finance, it",
                List.of(FAY, OMAR, LIAM), Map.of("finance", List.of(FAY, OMAR), "it", List.of(LIAM)), null, 2, null,
                NOW, "approval:2");
    }

    private static VoteCast cast(PersonId voter, Outcome outcome) {
        return new VoteCast(ID, STEP, voter, outcome, voter, null, null, null, NOW);
    }

    private static VoteCast rejectedBy(PersonId voter) {
        return new VoteCast(ID, STEP, voter, Outcome.REJECTED, voter, null, "No", null, NOW);
    }
}
