package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.Money;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeRoster;
import org.mandate.domain.binding.BoundPaths;
import org.mandate.domain.binding.PathBinding;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateRegister;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.mandate.domain.RuleViolations.violation;

/** The path is the organisation's choice, and what it must contain is checked whatever path was chosen. */
class PathChoiceAndOrganisationChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a11");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId FAY = PersonId.of("fay");
    private static final PersonId OMAR = PersonId.of("omar");
    private static final StepId APPROVAL = new StepId("task-1");
    private static final StepId CHECK = new StepId("task-2");
    private static final BigDecimal LARGE = new BigDecimal("6000");

    /** Trips go on 'trips'; everything else on the shipped path. */
    private static final BoundPaths BINDINGS = (category, amount) -> PathBinding.mostSpecific(List.of(
            new PathBinding("approval", null, null, null), new PathBinding("trips", "trip", null, null)),
            category, amount);

    private FixtureConfiguration<ApprovalRequest> fixture;

    @BeforeEach
    void setUp() {
        setUp(BINDINGS);
    }

    private void setUp(BoundPaths bindings) {
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), new MandateRegister(), bindings,
                new CommitteeRoster());
    }

    @Test
    void aSubmissionGoesOnThePathBoundToItsCategory() {
        fixture.givenNoPriorActivity()
                .when(submit("trip", null))
                .expectEvents(submitted("trip", "trips", new BigDecimal("300")));
    }

    @Test
    void aRequesterMayNameThePathTheBindingGivesAnyway() {
        fixture.givenNoPriorActivity()
                .when(submit("trip", "trips"))
                .expectEvents(submitted("trip", "trips", new BigDecimal("300")));
    }

    @Test
    void aRequesterCannotChooseAnotherPath() {
        fixture.givenNoPriorActivity()
                .when(submit("equipment", "trips"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "go on 'approval', not 'trips'"));
    }

    @Test
    void aCategoryWithoutABindingIsRefused() {
        setUp((category, amount) -> java.util.Optional.empty());
        fixture.givenNoPriorActivity()
                .when(submit("trip", null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "No approval path is bound"));
    }

    @Test
    void aPathThatEndsApprovedWithoutAnyApprovalDoesNotApprove() {
        fixture.given(submitted("equipment", "approval", new BigDecimal("300")))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "nobody approved"));
    }

    @Test
    void aLargeRequestIsNotApprovedWithoutTheFinanceCheck() {
        fixture.given(submitted("equipment", "approval", LARGE), opened(APPROVAL, VERA), approved(APPROVAL, VERA))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "needs the finance check"));
    }

    @Test
    void aRejectedFinanceCheckDoesNotCountEvenIfSomeoneApprovesLater() {
        fixture.given(submitted("equipment", "approval", LARGE), opened(CHECK, FAY),
                        new StepDecided(ID, CHECK, Outcome.REJECTED, FAY, null, null, "no funds", NOW),
                        opened(APPROVAL, VERA), approved(APPROVAL, VERA))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "needs the finance check"));
    }

    @Test
    void aLargeRequestWithTheFinanceCheckApprovedIsApproved() {
        fixture.given(submitted("equipment", "approval", LARGE), opened(APPROVAL, VERA), approved(APPROVAL, VERA),
                        opened(CHECK, FAY), approved(CHECK, FAY))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectEvents(new RequestApproved(ID, NOW));
    }

    @Test
    void theFinanceCheckStaysOneWhenItEscalates() {
        fixture.given(submitted("equipment", "approval", LARGE), opened(APPROVAL, VERA), approved(APPROVAL, VERA),
                        opened(CHECK, FAY), new StepEscalated(ID, CHECK, FAY, OMAR, null, "late", NOW),
                        approved(CHECK, OMAR))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectEvents(new RequestApproved(ID, NOW));
    }

    @Test
    void aSmallRequestNeedsNoFinanceCheck() {
        fixture.given(submitted("equipment", "approval", new BigDecimal("4999.99")), opened(APPROVAL, VERA),
                        approved(APPROVAL, VERA))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectEvents(new RequestApproved(ID, NOW));
    }

    @Test
    void aRejectionNeedsNoChecks() {
        fixture.given(submitted("equipment", "approval", LARGE))
                .when(new CompleteRequest(ID, Outcome.REJECTED))
                .expectEvents(new RequestRejected(ID, NOW));
    }

    private static SubmitRequest submit(String category, String processKey) {
        return new SubmitRequest(ID, "Bus", category, Money.of(new BigDecimal("300"), "EUR"), null, ANA, processKey);
    }

    private static RequestSubmitted submitted(String category, String processKey, BigDecimal amount) {
        return new RequestSubmitted(ID, "Bus", category, amount, "EUR", null, ANA, processKey, NOW);
    }

    private static StepOpened opened(StepId step, PersonId assignee) {
        return new StepOpened(ID, step, "Step", assignee, null, NOW, "approval:1:x");
    }

    private static StepDecided approved(StepId step, PersonId by) {
        return new StepDecided(ID, step, Outcome.APPROVED, by, null, null, null, NOW);
    }
}
