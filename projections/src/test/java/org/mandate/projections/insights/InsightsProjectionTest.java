package org.mandate.projections.insights;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.ManagerChanged;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateRevoked;
import org.mandate.domain.mandate.Scope;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.StepOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Feeds the projection a small school's history and compares every figure with one worked out by hand.
 * Now is Wednesday 2026-03-18 12:00 UTC; the window is three weeks: those of Mondays 2 March, 9 March, 16 March.
 */
class InsightsProjectionTest {

    private static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
    private static final Insights.Settings SETTINGS = new Insights.Settings(0.5, 3, 3);

    private InsightsProjection projection;
    private InsightsReader reader;
    private final List<Consumer<InsightsProjection>> history = new ArrayList<>();

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:insights-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        projection = new InsightsProjection(jdbc);
        reader = new InsightsReader(jdbc);
    }

    /**
     * Decisions in the window, in seconds waited: pat 48 h and 6 h (week of 2 March, at the top); sofia 1 h and
     * vera 24 h under mandate m-1 for pat (week of 9 March); vera 12 h on a one-off delegation from pat (week of
     * 16 March). Pat's decision of 20 February lies outside the window. Open now: pat since 24 h and 6 h, sofia
     * since 2 h. A withdrawn request's open step no longer counts. Sofia let one step sit until it escalated to
     * vera (in the window) and one to pat (before it).
     */
    private void school() {
        joined("pat", null);
        joined("vera", "pat");
        joined("sofia", "vera");
        joined("ana", "sofia");
        joined("ada", null);
        decided("s0", "pat", "2026-02-19T09:00:00Z", "pat", null, null, "2026-02-20T09:00:00Z");
        decided("s1", "pat", "2026-03-02T09:00:00Z", "pat", null, null, "2026-03-04T09:00:00Z");
        decided("s2", "pat", "2026-03-03T10:00:00Z", "pat", null, null, "2026-03-03T16:00:00Z");
        decided("s3", "sofia", "2026-03-09T08:00:00Z", "sofia", null, null, "2026-03-09T09:00:00Z");
        decided("s4", "pat", "2026-03-09T08:00:00Z", "vera", "pat", "m-1", "2026-03-10T08:00:00Z");
        decided("s5", "pat", "2026-03-16T08:00:00Z", "vera", "pat", null, "2026-03-16T20:00:00Z");
        opened("s6", "pat", "2026-03-17T12:00:00Z");
        opened("s7", "pat", "2026-03-18T06:00:00Z");
        opened("s8", "sofia", "2026-03-18T10:00:00Z");
        opened("s9", "pat", "2026-03-11T10:00:00Z");
        withdrawn("s9");
        opened("s10", "sofia", "2026-03-10T08:00:00Z");
        escalated("s10", "sofia", "vera", "2026-03-11T08:00:00Z");
        withdrawn("s10");
        opened("s11", "sofia", "2026-02-18T08:00:00Z");
        escalated("s11", "sofia", "pat", "2026-02-20T08:00:00Z");
        withdrawn("s11");
    }

    @Test
    void sharesOfDecisionsBelowTheTopAndDecisionTimesForTheWholeSchool() {
        school();

        Insights.Organisation school = reader.read(NOW, SETTINGS).organisation();

        assertThat(school.openSteps()).isEqualTo(3);
        assertThat(school.decisions()).isEqualTo(5);
        assertThat(school.decisionsBelowTop()).isEqualTo(3);
        assertThat(school.shareBelowTop()).isCloseTo(0.6, within(1e-9));
        // sorted 3600, 21600, 43200, 86400, 172800: rank ceil(2.5) = 3 and ceil(4.5) = 5
        assertThat(school.medianDecisionSeconds()).isEqualTo(43_200);
        assertThat(school.p90DecisionSeconds()).isEqualTo(172_800);
        assertThat(school.decisionsUnderMandate()).isEqualTo(1);
        assertThat(school.decisionsUnderDelegation()).isEqualTo(1);
        assertThat(school.escalations()).isEqualTo(1);
    }

    @Test
    void weeklyTimelineShowsTheShareMovingBelowTheTop() {
        school();

        assertThat(reader.read(NOW, SETTINGS).timeline()).containsExactly(
                new Insights.Week(LocalDate.parse("2026-03-02"), 2, 0, 0.0, 21_600L, 172_800L),
                new Insights.Week(LocalDate.parse("2026-03-09"), 2, 2, 1.0, 3_600L, 86_400L),
                new Insights.Week(LocalDate.parse("2026-03-16"), 1, 1, 1.0, 43_200L, 43_200L));
    }

    @Test
    void perApproverOpenStepsAgesPaceAndAuthority() {
        school();

        List<Insights.Approver> approvers = reader.read(NOW, SETTINGS).approvers();

        assertThat(approvers).extracting(Insights.Approver::id).containsExactly("pat", "sofia", "vera");
        assertThat(approvers).extracting(Insights.Approver::escalationsReceived).containsExactly(0L, 0L, 1L);
        assertThat(approvers).extracting(Insights.Approver::escalationsCaused).containsExactly(0L, 1L, 0L);
        Insights.Approver pat = approvers.get(0);
        assertThat(pat.topLevel()).isTrue();
        assertThat(pat.openSteps()).isEqualTo(2);
        assertThat(pat.oldestOpenSeconds()).isEqualTo(86_400);
        assertThat(pat.meanOpenSeconds()).isEqualTo(54_000);
        assertThat(pat.decisions()).isEqualTo(2);
        assertThat(pat.decisionsPerWeek()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(pat.medianDecisionSeconds()).isEqualTo(21_600);
        assertThat(pat.p90DecisionSeconds()).isEqualTo(172_800);
        assertThat(pat.onTheirBehalf()).isEqualTo(2);
        Insights.Approver vera = approvers.get(2);
        assertThat(vera.topLevel()).isFalse();
        assertThat(vera.openSteps()).isZero();
        assertThat(vera.oldestOpenSeconds()).isNull();
        assertThat(vera.decisions()).isEqualTo(2);
        assertThat(vera.medianDecisionSeconds()).isEqualTo(43_200);
        assertThat(vera.p90DecisionSeconds()).isEqualTo(86_400);
        assertThat(vera.underMandate()).isEqualTo(1);
        assertThat(vera.underDelegation()).isEqualTo(1);
        assertThat(approvers.get(1)).isEqualTo(new Insights.Approver("sofia", "Sofia", false, 1, 7_200L, 7_200L,
                1, 1 / 3.0, 3_600L, 3_600L, 0, 0, 0, 0, 1));
    }

    @Test
    void namesWhoHoldsMoreThanTheSetShareOfOpenStepsAndWhoCouldTakeAMandate() {
        school();

        assertThat(reader.read(NOW, SETTINGS).bottlenecks()).containsExactly(
                new Insights.Bottleneck("pat", "Pat", 2, 2 / 3.0, 86_400L, "vera"));
        assertThat(reader.read(NOW, new Insights.Settings(0.3, 3, 3)).bottlenecks())
                .extracting(Insights.Bottleneck::id).containsExactly("pat", "sofia");
    }

    @Test
    void suggestsNoHolderWhoHasLeft() {
        school();
        record(projection -> projection.on(new PersonLeft(PersonId.of("vera"), PersonId.of("pat"),
                PersonId.of("ivy"), Instant.parse("2026-03-17T09:00:00Z"))));

        assertThat(reader.read(NOW, SETTINGS).bottlenecks()).extracting(Insights.Bottleneck::suggestedHolder)
                .containsOnlyNulls();
    }

    @Test
    void belowTheTopMeansReportingToSomeoneWhenTheDecisionWasTaken() {
        joined("pat", null);
        joined("vera", "pat");
        decided("a", "vera", "2026-03-16T08:00:00Z", "vera", null, null, "2026-03-16T09:00:00Z");
        record(projection -> projection.on(new ManagerChanged(PersonId.of("vera"), null)));
        decided("b", "vera", "2026-03-16T08:00:00Z", "vera", null, null, "2026-03-16T10:00:00Z");

        Insights insights = reader.read(NOW, SETTINGS);

        assertThat(insights.organisation().decisionsBelowTop()).isEqualTo(1);
        assertThat(insights.organisation().shareBelowTop()).isCloseTo(0.5, within(1e-9));
        assertThat(insights.approvers().get(0).topLevel()).isTrue();
    }

    @Test
    void countsMandatesInForceNowNeitherEndedNorRevokedNorYetToCome() {
        joined("pat", null);
        joined("vera", "pat");
        granted("m1", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
        granted("m2", "2026-03-01T00:00:00Z", "2026-03-18T12:00:00Z");
        granted("m3", "2026-03-20T00:00:00Z", "2026-04-01T00:00:00Z");
        granted("m4", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
        revoked("m4", "2026-03-15T00:00:00Z");
        granted("m5", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
        revoked("m5", "2026-03-19T00:00:00Z");

        assertThat(reader.read(NOW, SETTINGS).organisation().mandatesInForce()).isEqualTo(2);
    }

    @Test
    void callsNobodyABottleneckWhileFewStepsAreOpen() {
        school();

        assertThat(reader.read(NOW, new Insights.Settings(0.5, 4, 3)).bottlenecks()).isEmpty();
    }

    @Test
    void aStepStillOpenWhenItsRequestEndsStopsCountingAsOpen() {
        joined("pat", null);
        joined("vera", "pat");
        opened("a", "vera", "2026-03-18T08:00:00Z");
        record(projection -> projection.on(new RequestApproved(request("a"), NOW)));

        Insights insights = reader.read(NOW, SETTINGS);

        assertThat(insights.organisation().openSteps()).isZero();
        assertThat(insights.organisation().decisions()).isZero();
        assertThat(insights.organisation().shareBelowTop()).isNull();
        assertThat(insights.timeline()).containsExactly(
                new Insights.Week(LocalDate.parse("2026-03-16"), 0, 0, null, null, null));
    }

    /**
     * The budget committee: v1 met after 2 h, v2 failed after 30 h, v3 met after 10 h (all in the window), v0 met
     * before it; v4 open since 6 h and v5 since 26 h; v6 open when its request was withdrawn. The finance-and-IT
     * groups: v7 met after 1 h.
     */
    @Test
    void committeeDecisionsWithTheirTimeFromOpeningToQuorum() {
        vote("v0", "budget-committee", "2026-02-10T08:00:00Z", true, "2026-02-10T09:00:00Z");
        vote("v1", "budget-committee", "2026-03-02T08:00:00Z", true, "2026-03-02T10:00:00Z");
        vote("v2", "budget-committee", "2026-03-09T08:00:00Z", false, "2026-03-10T14:00:00Z");
        vote("v3", "budget-committee", "2026-03-16T08:00:00Z", true, "2026-03-16T18:00:00Z");
        vote("v4", "budget-committee", "2026-03-18T06:00:00Z", null, null);
        vote("v5", "budget-committee", "2026-03-17T10:00:00Z", null, null);
        vote("v6", "budget-committee", "2026-03-09T08:00:00Z", null, null);
        withdrawn("v6");
        vote("v7", null, "2026-03-11T08:00:00Z", true, "2026-03-11T09:00:00Z");

        Insights insights = reader.read(NOW, SETTINGS);

        assertThat(insights.committees()).containsExactly(
                new Insights.Committee("budget-committee", 2, 26 * 3600L, 3, 2, 1, 10 * 3600L, 30 * 3600L),
                new Insights.Committee("committees", 0, null, 1, 1, 0, 3600L, 3600L));
        assertThat(insights.organisation().decisions()).as("votes are not single decisions").isZero();

        projection.reset();
        history.forEach(event -> event.accept(projection));
        assertThat(reader.read(NOW, SETTINGS)).isEqualTo(insights);
    }

    @Test
    void givesTheSameFiguresAfterARebuild() {
        school();
        Insights before = reader.read(NOW, SETTINGS);

        projection.reset();
        assertThat(reader.read(NOW, SETTINGS).organisation().decisions()).isZero();
        history.forEach(event -> event.accept(projection));

        assertThat(reader.read(NOW, SETTINGS)).isEqualTo(before);
    }

    private void joined(String id, String manager) {
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        record(projection -> projection.on(new PersonJoined(PersonId.of(id), name, "", manager == null ? null
                : PersonId.of(manager), Set.of(), Authority.none())));
    }

    private void opened(String step, String assignee, String at) {
        record(projection -> projection.on(new StepOpened(request(step), new StepId(step), "Approval",
                PersonId.of(assignee), null, Instant.parse(at), "approval:1")));
    }

    private void decided(String step, String assignee, String openedAt, String decider, String onBehalfOf,
                         String mandate, String decidedAt) {
        opened(step, assignee, openedAt);
        record(projection -> projection.on(new StepDecided(request(step), new StepId(step), Outcome.APPROVED,
                PersonId.of(decider), onBehalfOf == null ? null : PersonId.of(onBehalfOf), mandate, null,
                Instant.parse(decidedAt))));
    }

    private void escalated(String step, String from, String to, String at) {
        record(projection -> projection.on(new StepEscalated(request(step), new StepId(step), PersonId.of(from),
                PersonId.of(to), null, "time limit passed", Instant.parse(at))));
    }

    private void granted(String mandate, String from, String until) {
        record(projection -> projection.on(new MandateGranted(mandate(mandate), PersonId.of("pat"),
                PersonId.of("vera"), PersonId.of("pat"), null, new Scope(Set.of("*"), BigDecimal.valueOf(5_000), "EUR"),
                Instant.parse(from), Instant.parse(until), "leave", false, Instant.parse(from))));
    }

    private void revoked(String mandate, String at) {
        record(projection -> projection.on(new MandateRevoked(mandate(mandate), PersonId.of("pat"), "back",
                Instant.parse(at))));
    }

    private static MandateId mandate(String name) {
        return new MandateId(UUID.nameUUIDFromBytes(name.getBytes()));
    }

    private void withdrawn(String step) {
        record(projection -> projection.on(new RequestWithdrawn(request(step), PersonId.of("ana"), "not needed",
                Instant.parse("2026-03-12T10:00:00Z"))));
    }

    /** A committee vote opened at {@code openedAt}; met (true), failed (false) or still open (null) at {@code at}. */
    private void vote(String step, String committee, String openedAt, Boolean met, String at) {
        record(projection -> projection.on(new QuorumStepOpened(request(step), new StepId(step), "Vote",
                committee == null ? null : CommitteeId.of(committee), committee == null ? "one from each of finance, it"
                : "2 of 3", List.of(PersonId.of("vera"), PersonId.of("pat")), Map.of(), null, 2, null,
                Instant.parse(openedAt), "committee-approval:1")));
        if (Boolean.TRUE.equals(met)) {
            record(projection -> projection.on(new QuorumMet(request(step), new StepId(step), "2 of 3",
                    List.of(PersonId.of("vera"), PersonId.of("pat")), Instant.parse(at))));
        } else if (Boolean.FALSE.equals(met)) {
            record(projection -> projection.on(new QuorumFailed(request(step), new StepId(step), "2 of 3",
                    List.of(PersonId.of("vera")), "too many rejected", Instant.parse(at))));
        }
    }

    /** Applies the event now and keeps it, so a rebuild can replay the same history. */
    private void record(Consumer<InsightsProjection> event) {
        history.add(event);
        event.accept(projection);
    }

    /** One request per step keeps the story short; the step's name makes its request id. */
    private static RequestId request(String step) {
        return new RequestId(UUID.nameUUIDFromBytes(step.getBytes()));
    }
}
