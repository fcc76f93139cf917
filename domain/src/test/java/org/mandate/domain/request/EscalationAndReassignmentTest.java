package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.request.StepAuthorityTest.ANA;
import static org.mandate.domain.request.StepAuthorityTest.ID;
import static org.mandate.domain.request.StepAuthorityTest.LIAM;
import static org.mandate.domain.request.StepAuthorityTest.NOW;
import static org.mandate.domain.request.StepAuthorityTest.SOFIA;
import static org.mandate.domain.request.StepAuthorityTest.STEP;
import static org.mandate.domain.request.StepAuthorityTest.opened;
import static org.mandate.domain.request.StepAuthorityTest.submitted;

/** Escalation moves a step one level up the management chain; a departure hands the leaver's steps on. */
class EscalationAndReassignmentTest {

    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId PAT = PersonId.of("pat");
    private static final Instant OVERDUE = NOW.plus(Duration.ofDays(3));

    private FixtureConfiguration<ApprovalRequest> fixture;
    private SchoolDirectory directory;

    @BeforeEach
    void setUp() {
        at(NOW);
    }

    private void at(Instant now) {
        directory = SchoolDirectory.school();
        fixture = RequestFixture.at(now, directory, new MandateRegister());
    }

    @Test
    void theHolderEscalatesToTheNextManagerWhoseAuthorityCoversIt() {
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, SOFIA, " Conflict of interest "))
                .expectEvents(new StepEscalated(ID, STEP, SOFIA, VERA, SOFIA, "Conflict of interest", NOW));
    }

    @Test
    void escalationSkipsManagersWhoseAuthorityIsTooSmallAndThoseWhoLeft() {
        directory.left("vera");
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, SOFIA, "Away"))
                .expectEvents(new StepEscalated(ID, STEP, SOFIA, PAT, SOFIA, "Away", NOW));
    }

    @Test
    void escalatedStepsGoOnFromTheirNewHolder() {
        fixture.given(submitted(), opened(), new StepEscalated(ID, STEP, SOFIA, VERA, SOFIA, "Away", NOW))
                .when(new EscalateStep(ID, STEP, VERA, "Needs the principal"))
                .expectEvents(new StepEscalated(ID, STEP, VERA, PAT, VERA, "Needs the principal", NOW));
    }

    @Test
    void escalatingPastTheTopIsAConflict() {
        fixture.given(submitted(), opened(), new StepEscalated(ID, STEP, SOFIA, PAT, SOFIA, "Away", NOW))
                .when(new EscalateStep(ID, STEP, PAT, "Too much"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "cannot be escalated further"));
    }

    @Test
    void theTimerEscalatesAStep() {
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, null, "Open longer than P2D"))
                .expectEvents(new StepEscalated(ID, STEP, SOFIA, VERA, null, "Open longer than P2D", NOW));
    }

    @Test
    void theTimerStopsQuietlyAtTheTop() {
        fixture.given(submitted(), opened(), new StepEscalated(ID, STEP, SOFIA, PAT, null, "late", NOW))
                .when(new EscalateStep(ID, STEP, null, "Open longer than P2D"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theTimerLeavesADecidedStepAlone() {
        fixture.given(submitted(), opened(), new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW))
                .when(new EscalateStep(ID, STEP, null, "Open longer than P2D"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRequesterEscalatesOnlyOnceTheStepIsOverdue() {
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, ANA, "Still waiting"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "once the step is overdue"));
        at(OVERDUE);
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, ANA, "Still waiting"))
                .expectEvents(new StepEscalated(ID, STEP, SOFIA, VERA, ANA, "Still waiting", OVERDUE));
    }

    @Test
    void nobodyElseEscalates() {
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, LIAM, "Why not"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only sofia"));
    }

    @Test
    void escalationNeedsAReason() {
        fixture.given(submitted(), opened())
                .when(new EscalateStep(ID, STEP, SOFIA, " "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "why you escalate"));
    }

    @Test
    void escalationNeverReachesTheRequester() {
        RequestSubmitted byVera = new RequestSubmitted(ID, "Lab", "equipment", new BigDecimal("1500"), "EUR", null,
                VERA, ApprovalRequest.DEFAULT_PROCESS, NOW);
        fixture.given(byVera, new StepOpened(ID, STEP, "Finance check", PersonId.of("fay"), null, NOW, "p"))
                .when(new EscalateStep(ID, STEP, PersonId.of("fay"), "Need a second look"))
                .expectEvents(new StepEscalated(ID, STEP, PersonId.of("fay"), PersonId.of("omar"),
                        PersonId.of("fay"), "Need a second look", NOW));
    }

    @Test
    void aDepartureHandsTheStepToTheSuccessor() {
        fixture.given(submitted(), opened())
                .when(new ReassignStep(ID, STEP, SOFIA, LIAM, "sofia left"))
                .expectEvents(new StepReassigned(ID, STEP, SOFIA, LIAM, "sofia left", NOW));
    }

    @Test
    void aSuccessorWhoMadeTheRequestPassesTheStepToTheirNearestManagerOtherThanTheLeaver() {
        // ana's manager is sofia, who is leaving: the step must not go from sofia back to sofia
        fixture.given(submitted(), opened())
                .when(new ReassignStep(ID, STEP, SOFIA, ANA, "sofia left"))
                .expectEvents(new StepReassigned(ID, STEP, SOFIA, VERA, "sofia left", NOW));
    }

    @Test
    void aStepTheLeaverLentOutComesBackAndGoesToTheSuccessor() {
        fixture.given(submitted(), opened(), new StepDelegated(ID, STEP, SOFIA, LIAM, null, NOW))
                .when(new ReassignStep(ID, STEP, SOFIA, VERA, "sofia left"))
                .expectEvents(new StepDelegationRecalled(ID, STEP, SOFIA, LIAM,
                                "sofia left, so the step they lent comes back and goes to vera", NOW),
                        new StepReassigned(ID, STEP, SOFIA, VERA, "sofia left", NOW));
    }

    @Test
    void aStepWithNobodyLeftToTakeItIsRefusedNotLeftWithTheLeaver() {
        directory.left("vera").left("pat");
        fixture.given(submitted(), opened())
                .when(new ReassignStep(ID, STEP, SOFIA, ANA, "sofia left"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "Nobody active may take step"));
    }

    @Test
    void aLeavingColleagueReturnsALentStepToItsHolder() {
        fixture.given(submitted(), opened(), new StepDelegated(ID, STEP, SOFIA, LIAM, null, NOW))
                .when(new ReassignStep(ID, STEP, LIAM, VERA, "liam left"))
                .expectEvents(new StepReassigned(ID, STEP, LIAM, SOFIA, "liam left", NOW));
    }

    @Test
    void aDepartureLeavesADecidedStepAlone() {
        fixture.given(submitted(), opened(), new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW))
                .when(new ReassignStep(ID, STEP, SOFIA, LIAM, "sofia left"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDepartureLeavesAStepThatMovedOnAlone() {
        fixture.given(submitted(), opened(), new StepEscalated(ID, STEP, SOFIA, VERA, SOFIA, "Away", NOW))
                .when(new ReassignStep(ID, STEP, SOFIA, LIAM, "sofia left"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
