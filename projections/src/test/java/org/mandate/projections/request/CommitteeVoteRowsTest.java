package org.mandate.projections.request;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.OpenVotes;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.VoteCast;
import org.mandate.domain.request.VoterRemoved;
import org.mandate.domain.request.VoterReplaced;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A committee vote as the request view and the inbox read it: ballots, who is still to vote, the outcome. */
class CommitteeVoteRowsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final RequestId ID = RequestId.create();
    private static final StepId STEP = new StepId("vote-1");
    private static final PersonId OMAR = PersonId.of("omar");
    private static final PersonId PAT = PersonId.of("pat");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId LIAM = PersonId.of("liam");

    private RequestViewProjection requests;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:votes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        requests = new RequestViewProjection(new JdbcTemplate(dataSource));
        requests.on(new RequestSubmitted(ID, "Science wing", "building", new BigDecimal("60000"), "EUR", null,
                PersonId.of("ana"), "committee-approval", NOW));
        requests.on(new QuorumStepOpened(ID, STEP, "Budget committee vote", CommitteeId.of("budget-committee"),
                "2 of 3", List.of(OMAR, PAT, VERA), Map.of(), null, 2, null, NOW, "committee-approval:1:x"));
    }

    @Test
    void theStepListsEachBallotAndWhoIsStillToVote() {
        requests.on(new VoteCast(ID, STEP, PAT, Outcome.APPROVED, LIAM, "m-1", "For Pat", null, NOW));
        requests.on(new VoteCast(ID, STEP, VERA, Outcome.APPROVED, VERA, null, null, null, NOW));
        requests.on(new VoteCast(ID, STEP, VERA, Outcome.REJECTED, VERA, null, "Too much", Outcome.APPROVED, NOW));

        RequestView.StepView step = requests.find(ID.toString()).orElseThrow().steps().get(0);
        assertThat(step.assignee()).isEqualTo("budget-committee");
        assertThat(step.status()).isEqualTo("OPEN");
        RequestView.Vote vote = step.vote();
        assertThat(vote.ballots()).containsExactly(
                new RequestView.Ballot("omar", null, null, null, null, null),
                new RequestView.Ballot("pat", "APPROVED", "liam", "m-1", "For Pat", NOW),
                new RequestView.Ballot("vera", "REJECTED", "vera", null, "Too much", NOW));
        assertThat(vote.approvals()).isEqualTo(1);
        assertThat(vote.rejections()).isEqualTo(1);
        assertThat(vote.stillToVote()).containsExactly("omar");
        assertThat(requests.openVotesOf("omar")).singleElement().satisfies(item -> {
            assertThat(item.stepId()).isEqualTo(STEP.value());
            assertThat(item.title()).isEqualTo("Science wing");
            assertThat(item.assignee()).isEqualTo("omar");
            assertThat(item.vote().needed()).isEqualTo(2);
        });
    }

    @Test
    void aSuccessorSitsInTheLeaversPlaceWithNoBallotAndFindsTheVoteInTheirInbox() {
        requests.on(new VoteCast(ID, STEP, OMAR, Outcome.APPROVED, OMAR, null, "Fine", null, NOW));
        requests.on(new VoterReplaced(ID, STEP, OMAR, LIAM, "omar left", NOW));

        RequestView.Vote vote = requests.find(ID.toString()).orElseThrow().steps().get(0).vote();
        assertThat(vote.ballots()).containsExactly(
                new RequestView.Ballot("liam", null, null, null, null, null),
                new RequestView.Ballot("pat", null, null, null, null, null),
                new RequestView.Ballot("vera", null, null, null, null, null));
        assertThat(vote.approvals()).as("the leaver's approval no longer counts").isZero();
        assertThat(vote.needed()).isEqualTo(2);
        assertThat(requests.of(OMAR)).isEmpty();
        assertThat(requests.of(LIAM)).containsExactly(new OpenVotes.OpenVote(ID, STEP));
        assertThat(requests.openVotesOf("liam")).singleElement()
                .satisfies(item -> assertThat(item.stepId()).isEqualTo(STEP.value()));
    }

    @Test
    void aLeaverDisappearsAndAMetQuorumClosesTheStepAndLeavesEveryInbox() {
        requests.on(new VoterRemoved(ID, STEP, OMAR, "omar left", 2, NOW));
        assertThat(requests.of(OMAR)).isEmpty();
        assertThat(requests.of(PAT)).containsExactly(new OpenVotes.OpenVote(ID, STEP));

        requests.on(new VoteCast(ID, STEP, PAT, Outcome.APPROVED, PAT, null, null, null, NOW));
        requests.on(new VoteCast(ID, STEP, VERA, Outcome.APPROVED, VERA, null, null, null, NOW));
        requests.on(new QuorumMet(ID, STEP, "2 of 3", List.of(PAT, VERA), NOW));

        RequestView.StepView step = requests.find(ID.toString()).orElseThrow().steps().get(0);
        assertThat(step.status()).isEqualTo("APPROVED");
        assertThat(step.decision().outcome()).isEqualTo("APPROVED");
        assertThat(step.vote().voters()).containsExactly("pat", "vera");
        assertThat(step.vote().outcome()).isEqualTo("APPROVED");
        assertThat(requests.openVotesOf("pat")).isEmpty();
    }
}
