package org.mandate.domain.directory;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mandate.domain.RuleViolations.violation;

/** A departure leaves no open step with someone who is gone, nor with someone who may not decide it. */
class HandoverTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final PersonId BOSS = PersonId.of("boss");
    private static final PersonId HEAD = PersonId.of("head");
    private static final PersonId TEACHER = PersonId.of("teacher");
    private static final PersonId IVY = PersonId.of("ivy");

    private FixtureConfiguration<PersonAggregate> fixture;
    private SchoolDirectory directory;
    private HeldSteps work;

    /** A small school beside the demo one: boss at the top, head under boss, teacher under head. */
    @BeforeEach
    void setUp() {
        directory = SchoolDirectory.school().with("boss", null, Authority.upTo(5_000))
                .with("head", "boss", Authority.upTo(2_000)).with("teacher", "head", Authority.none());
        work = new HeldSteps();
        fixture = new AggregateTestFixture<>(PersonAggregate.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(work);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSuccessorWhoMadeTheRequestWithNobodyElseAboveThemIsRefusedWithTheStepListed() {
        work.add(new HeldStep("r-1", "s-1", "New lab", HEAD, BOSS, null));
        fixture.given(joined(BOSS, null))
                .when(new RecordDeparture(BOSS, HEAD, IVY))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT,
                        "request r-1 step s-1 'New lab': head made this request"));
    }

    @Test
    void aSuccessorWhoReportsToTheRequesterMayNotTakeTheirStep() {
        work.add(new HeldStep("r-1", "s-1", "New lab", HEAD, BOSS, null))
                .add(new HeldStep("r-2", "s-2", "Chalk", PersonId.of("ana"), BOSS, null));
        RuleViolation refusal = catchRefusal(new RecordDeparture(BOSS, TEACHER, IVY));
        assertThat(refusal.getMessage()).contains("1 open step", "teacher reports to head, who made this request")
                .doesNotContain("r-2");
        assertThat(refusal.properties()).containsEntry("steps", List.of(Map.of("requestId", "r-1", "stepId", "s-1",
                "title", "New lab", "why", "teacher reports to head, who made this request")));
    }

    @Test
    void aDepartureGoesAheadWhenEveryStepHasSomeoneWhoMayDecideIt() {
        // teacher's request, held by head: head leaves naming the teacher; the step goes above the teacher, to boss
        work.add(new HeldStep("r-1", "s-1", "Paint", TEACHER, HEAD, null));
        fixture.given(joined(HEAD, BOSS))
                .when(new RecordDeparture(HEAD, TEACHER, IVY))
                .expectEvents(new PersonLeft(HEAD, TEACHER, IVY, NOW));
        assertThat(new Handover(directory).takerOf(HEAD, TEACHER, work.of(HEAD).get(0))).contains(BOSS);
    }

    @Test
    void aStepLentOutOrOnLoanCountsAsTheLeaversToo() {
        Handover handover = new Handover(directory);
        HeldStep lentOut = new HeldStep("r-1", "s-1", "Paint", TEACHER, HEAD, PersonId.of("liam"));
        HeldStep onLoan = new HeldStep("r-2", "s-2", "Chalk", PersonId.of("ana"), PersonId.of("sofia"), HEAD);
        assertThat(handover.takerOf(HEAD, PersonId.of("vera"), lentOut)).contains(PersonId.of("vera"));
        assertThat(handover.takerOf(HEAD, PersonId.of("vera"), onLoan)).contains(PersonId.of("sofia"));
        directory.left("sofia");
        assertThat(handover.takerOf(HEAD, PersonId.of("vera"), onLoan)).contains(PersonId.of("vera"));
    }

    @Test
    void directReportsMoveToTheSuccessorOrTheLeaversManagerWithoutALoop() {
        Handover handover = new Handover(directory);
        assertThat(handover.newManagerOf(TEACHER, HEAD, PersonId.of("liam"))).isEqualTo(PersonId.of("liam"));
        assertThat(handover.newManagerOf(TEACHER, HEAD, TEACHER)).as("not their own manager").isEqualTo(BOSS);
        directory.with("assistant", "teacher", Authority.none());
        assertThat(handover.newManagerOf(TEACHER, HEAD, PersonId.of("assistant")))
                .as("not someone below them").isEqualTo(BOSS);
        assertThat(handover.newManagerOf(HEAD, BOSS, HEAD)).as("at the top with nobody above").isNull();
    }

    @Test
    void thePlanShowsWhereEachStepAndReportGoesAndWhyAStepHasNobody() {
        work.add(new HeldStep("r-1", "s-1", "Paint", TEACHER, HEAD, null))
                .add(new HeldStep("r-2", "s-2", "Chalk", PersonId.of("ana"), PersonId.of("sofia"), HEAD));

        DeparturePlan plan = DeparturePlan.of(directory, work, HEAD, null);

        assertThat(plan.successor()).as("nobody named: the manager").isEqualTo(BOSS);
        assertThat(plan.steps()).extracting(DeparturePlan.StepMove::to).containsExactly(BOSS, PersonId.of("sofia"));
        assertThat(plan.reports()).containsExactly(new DeparturePlan.ReportMove(TEACHER, BOSS));
        assertThat(plan.possible()).isTrue();

        DeparturePlan stuck = DeparturePlan.of(directory, new HeldSteps().add(
                new HeldStep("r-3", "s-3", "New lab", HEAD, BOSS, null)), BOSS, HEAD);
        assertThat(stuck.possible()).isFalse();
        assertThat(stuck.steps().get(0).whyNobody()).isEqualTo("head made this request");
    }

    @Test
    void thePlanRefusesTheSuccessorsTheDepartureWouldRefuse() {
        assertThat(catchThrowable(() -> DeparturePlan.of(directory, work, HEAD, HEAD)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.kind())
                        .isEqualTo(RuleViolation.Kind.INVALID))
                .hasMessageContaining("cannot succeed themselves");
    }

    private RuleViolation catchRefusal(RecordDeparture command) {
        try {
            new Handover(directory).check(command.personId(), command.successor(), work.of(command.personId()));
            throw new AssertionError("not refused");
        } catch (RuleViolation refusal) {
            return refusal;
        }
    }

    private static PersonJoined joined(PersonId id, PersonId manager) {
        return new PersonJoined(id, id.value(), null, manager, Set.of(), Authority.upTo(2_000));
    }
}
