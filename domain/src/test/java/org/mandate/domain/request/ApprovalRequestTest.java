package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mandate.domain.Money;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeRoster;
import org.mandate.domain.binding.BoundPaths;
import org.mandate.domain.binding.PathBinding;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static org.mandate.domain.RuleViolations.violation;

class ApprovalRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a11");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final StepId STEP = new StepId("task-1");
    private static final String PATH = "approval:1:5e2c";

    private FixtureConfiguration<ApprovalRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), new org.mandate.domain.mandate.MandateRegister(),
                BOUND_TO_DEFAULT, CommitteeRoster.school());
    }

    /** The first start's binding: the shipped path for any category and amount. */
    static final BoundPaths BOUND_TO_DEFAULT = (category, amount) -> Optional.of(
            new PathBinding(ApprovalRequest.DEFAULT_PROCESS, null, null, null));

    @Test
    void submittingARequestRecordsItForTheDefaultPath() {
        fixture.givenNoPriorActivity()
                .when(submit("1500"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void refusesARequestWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(ID, " ", "equipment", Money.of(new BigDecimal("10"), "EUR"), "", ANA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "1000000000.01", "1.005"})
    void refusesNegativeZeroAndAbsurdAmounts(String amount) {
        fixture.givenNoPriorActivity()
                .when(submit(amount))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "amount"));
    }

    @Test
    void refusesARequestNobodyInTheChainNorAnyCommitteeMayApprove() {
        fixture.givenNoPriorActivity()
                .when(submit("150000"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID,
                        "largest amount your chain can approve is 50000"));
    }

    @Test
    void takesARequestAboveTheChainThatACommitteeMayApprove() {
        fixture.givenNoPriorActivity()
                .when(submit("60000"))
                .expectEvents(new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("60000"), "EUR",
                        "For the lab", ANA, ApprovalRequest.DEFAULT_PROCESS, NOW));
    }

    @Test
    void refusesARequesterWhoIsNotInTheDirectory() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(ID, "Microscope", "equipment", Money.of(BigDecimal.TEN, "EUR"), "",
                        PersonId.of("zed"), null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "directory"));
    }

    @Test
    void opensAStepOnce() {
        fixture.given(submitted(), opened())
                .when(new OpenStep(ID, STEP, "Approval", SOFIA, null, PATH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void opensAStepForTheAssignee() {
        fixture.given(submitted())
                .when(new OpenStep(ID, STEP, "Approval", SOFIA, null, PATH))
                .expectEvents(opened());
    }

    @Test
    void refusesToOpenAStepForTheRequester() {
        fixture.given(submitted())
                .when(new OpenStep(ID, STEP, "Approval", ANA, null, PATH))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "requester"));
    }

    @Test
    void theHolderApprovesWithoutRationale() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.APPROVED, null))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW));
    }

    @Test
    void aRejectionNeedsARationale() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.REJECTED, "  "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "rationale"));
    }

    @Test
    void aRejectionWithRationaleIsRecorded() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.REJECTED, " Over this term's budget "))
                .expectEvents(new StepDecided(ID, STEP, Outcome.REJECTED, SOFIA, null, null,
                        "Over this term's budget", NOW));
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, ANA, Outcome.APPROVED, "fine by me"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "own request"));
    }

    @Test
    void onlyTheHolderDecides() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, PersonId.of("liam"), Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "assigned to sofia"));
    }

    @Test
    void aStepIsDecidedOnce() {
        fixture.given(submitted(), opened(),
                        new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW))
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.REJECTED, "changed my mind"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already decided"));
    }

    @Test
    void anUnknownStepIsNotFound() {
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, new StepId("nope"), SOFIA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "no step"));
    }

    @Test
    void nothingIsDecidedOnAWithdrawnRequest() {
        fixture.given(submitted(), opened(), new RequestWithdrawn(ID, ANA, null, NOW))
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "withdrawn"));
    }

    @Test
    void theRequesterWithdraws() {
        fixture.given(submitted(), opened())
                .when(new WithdrawRequest(ID, ANA, "bought it myself"))
                .expectEvents(new RequestWithdrawn(ID, ANA, "bought it myself", NOW));
    }

    @Test
    void onlyTheRequesterWithdraws() {
        fixture.given(submitted(), opened())
                .when(new WithdrawRequest(ID, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only the requester"));
    }

    @Test
    void aClosedRequestCannotBeWithdrawn() {
        fixture.given(submitted(), new RequestApproved(ID, NOW))
                .when(new WithdrawRequest(ID, ANA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "approved"));
    }

    @Test
    void theEndOfThePathApproves() {
        fixture.given(submitted(), opened(), new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectEvents(new RequestApproved(ID, NOW));
    }

    @Test
    void theEndOfThePathRejects() {
        fixture.given(submitted())
                .when(new CompleteRequest(ID, Outcome.REJECTED))
                .expectEvents(new RequestRejected(ID, NOW));
    }

    @Test
    void completingAWithdrawnRequestChangesNothing() {
        fixture.given(submitted(), new RequestWithdrawn(ID, ANA, null, NOW))
                .when(new CompleteRequest(ID, Outcome.APPROVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static SubmitRequest submit(String amount) {
        return new SubmitRequest(ID, "Microscope", "equipment", Money.of(new BigDecimal(amount), "EUR"), "For the lab",
                ANA, null);
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    private static StepOpened opened() {
        return new StepOpened(ID, STEP, "Approval", SOFIA, null, NOW, PATH);
    }
}
