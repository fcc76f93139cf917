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
import static org.mandate.domain.mandate.MandateRegister.mandate;

/** Sending a step back to the requester with a question, and the answer that resumes it (SendBackPolicy). */
class SendBackTest {

    private static final Instant ASKED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = ASKED.plus(Duration.ofHours(30));
    private static final Instant DUE = ASKED.plus(Duration.ofDays(1));
    private static final RequestId ID = RequestId.of("0b5d3e1c-58a8-4b1a-9d7c-3f0d3c1b2a11");
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId LIAM = PersonId.of("liam");
    private static final PersonId BEN = PersonId.of("ben");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final StepId STEP = new StepId("task-1");
    private static final String MANDATE = "3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51";

    private FixtureConfiguration<ApprovalRequest> fixture;
    private MandateRegister mandates;

    @BeforeEach
    void setUp() {
        mandates = new MandateRegister();
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), mandates);
    }

    @Test
    void theHolderSendsTheStepBackWithAQuestion() {
        fixture.given(submitted(), opened())
                .when(new ReturnStep(ID, STEP, SOFIA, "  Which supplier is the quote from?\n"))
                .expectEvents(new MoreInformationRequested(ID, STEP, SOFIA, null, null,
                        "Which supplier is the quote from?", NOW));
    }

    @Test
    void aMandateHolderSendsItBackOnTheHoldersBehalf() {
        mandates.add(mandate(MANDATE, "sofia", "liam", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(new ReturnStep(ID, STEP, LIAM, "Which supplier?"))
                .expectEvents(new MoreInformationRequested(ID, STEP, LIAM, SOFIA, MANDATE, "Which supplier?", NOW));
    }

    @Test
    void theBorrowerOfALentStepSendsItBack() {
        fixture.given(submitted(), opened(), new StepDelegated(ID, STEP, SOFIA, BEN, null, ASKED))
                .when(new ReturnStep(ID, STEP, BEN, "Which supplier?"))
                .expectEvents(new MoreInformationRequested(ID, STEP, BEN, SOFIA, null, "Which supplier?", NOW));
    }

    @Test
    void nobodyElseSendsItBack() {
        fixture.given(submitted(), opened())
                .when(new ReturnStep(ID, STEP, BEN, "Why?"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "not to you"));
    }

    @Test
    void theRequesterDoesNotSendItBack() {
        fixture.given(submitted(), opened())
                .when(new ReturnStep(ID, STEP, ANA, "Why?"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "your own request"));
    }

    @Test
    void theQuestionIsRequired() {
        fixture.given(submitted(), opened())
                .when(new ReturnStep(ID, STEP, SOFIA, "  "))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "Write your question"));
    }

    @Test
    void whileItWaitsTheStepCannotBeDecided() {
        fixture.given(submitted(), opened(), asked())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "cannot be decided until they answer"));
    }

    @Test
    void whileItWaitsTheStepCannotBeLent() {
        fixture.given(submitted(), opened(), asked())
                .when(new DelegateStep(ID, STEP, SOFIA, LIAM, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "cannot be lent until they answer"));
    }

    @Test
    void whileItWaitsTheStepCannotBeEscalated() {
        fixture.given(submitted(), opened(), asked())
                .when(new EscalateStep(ID, STEP, SOFIA, "Over my head"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "cannot be escalated until they answer"));
    }

    @Test
    void aTimerThatFiresWhileItWaitsEscalatesNothing() {
        fixture.given(submitted(), opened(), asked())
                .when(new EscalateStep(ID, STEP, null, "Open longer than its time limit (P1D)"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void oneQuestionAtATime() {
        fixture.given(submitted(), opened(), asked())
                .when(new ReturnStep(ID, STEP, SOFIA, "And the delivery date?"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "one question at a time"));
    }

    @Test
    void anotherQuestionOnceTheFirstIsAnswered() {
        fixture.given(submitted(), opened(), asked(), answered())
                .when(new ReturnStep(ID, STEP, SOFIA, "And the delivery date?"))
                .expectEvents(new MoreInformationRequested(ID, STEP, SOFIA, null, null, "And the delivery date?",
                        NOW));
    }

    @Test
    void theAnswerResumesTheStep_movingItsDueDateByThePause() {
        fixture.given(submitted(), opened(), asked())
                .when(new AnswerRequest(ID, ANA, " From Lab Supplies Ltd. ", "Microscope (Lab Supplies)", null,
                        null))
                .expectEvents(new MoreInformationProvided(ID, STEP, ANA, "From Lab Supplies Ltd.",
                        "Microscope (Lab Supplies)", null, Duration.ofHours(30), DUE.plus(Duration.ofHours(30)), NOW));
    }

    @Test
    void anAnsweredStepIsDecidedAgain() {
        fixture.given(submitted(), opened(), asked(), answered())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.APPROVED, null))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, SOFIA, null, null, null, NOW));
    }

    @Test
    void onlyTextsThatChangedAreRecorded() {
        fixture.given(submitted(), opened(), asked())
                .when(new AnswerRequest(ID, ANA, "Lab Supplies", "Microscope", "For the lab", new BigDecimal("1500.00")))
                .expectEvents(new MoreInformationProvided(ID, STEP, ANA, "Lab Supplies", null, null,
                        Duration.ofHours(30), DUE.plus(Duration.ofHours(30)), NOW));
    }

    @Test
    void onlyTheRequesterAnswers() {
        fixture.given(submitted(), opened(), asked())
                .when(new AnswerRequest(ID, SOFIA, "I will answer for her", null, null, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only the requester"));
    }

    @Test
    void anAnswerNeverRaisesTheAmount() {
        fixture.given(submitted(), opened(), asked())
                .when(new AnswerRequest(ID, ANA, "It costs more now", null, null, new BigDecimal("2500")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "Withdraw this request and submit a new one"));
    }

    @Test
    void anAnswerNeverLowersTheAmount() {
        fixture.given(submitted(), opened(), asked())
                .when(new AnswerRequest(ID, ANA, "It costs less now", null, null, new BigDecimal("900")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "cannot change the amount"));
    }

    @Test
    void aRequestThatDoesNotWaitTakesNoAnswer() {
        fixture.given(submitted(), opened())
                .when(new AnswerRequest(ID, ANA, "Here you are", null, null, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "nothing to answer"));
    }

    @Test
    void aClosedRequestTakesNoAnswer() {
        fixture.given(submitted(), opened(), asked(), new RequestWithdrawn(ID, ANA, null, NOW))
                .when(new AnswerRequest(ID, ANA, "Here you are", null, null, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already withdrawn"));
    }

    @Test
    void aCommitteeVoteIsNotSentBack() {
        fixture.given(submitted(), new QuorumStepOpened(ID, STEP, "Board", null, "any",
                        java.util.List.of(SOFIA, LIAM), java.util.Map.of(), null, 1, DUE, ASKED, "approval:1:5e2c"))
                .when(new ReturnStep(ID, STEP, SOFIA, "Which supplier?"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "committee vote"));
    }

    private static MoreInformationRequested asked() {
        return new MoreInformationRequested(ID, STEP, SOFIA, null, null, "Which supplier?", ASKED);
    }

    @Test
    void aRequesterWhoLeavesEndsTheWaitAndTheStepResumesWithItsDueDateMoved() {
        fixture.given(submitted(), opened(), asked())
                .when(new EndWaitOnDeparture(ID, ANA, IVY))
                .expectEvents(new RequesterLeftBeforeAnswering(ID, STEP, ANA, IVY, Duration.ofHours(30),
                        DUE.plus(Duration.ofHours(30)), NOW));
    }

    @Test
    void theStepResumedAfterTheRequesterLeftIsDecidedAgain() {
        fixture.given(submitted(), opened(), asked(), new RequesterLeftBeforeAnswering(ID, STEP, ANA, IVY,
                        Duration.ofHours(30), DUE.plus(Duration.ofHours(30)), NOW))
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.REJECTED, "Ana left before saying which supplier."))
                .expectEvents(new StepDecided(ID, STEP, Outcome.REJECTED, SOFIA, null, null,
                        "Ana left before saying which supplier.", NOW));
    }

    @Test
    void aDepartureLeavesARequestThatDoesNotWaitAlone() {
        fixture.given(submitted(), opened())
                .when(new EndWaitOnDeparture(ID, ANA, IVY))
                .expectNoEvents();
    }

    @Test
    void aDepartureEndsNoWaitThatWasAnswered() {
        fixture.given(submitted(), opened(), asked(), answered())
                .when(new EndWaitOnDeparture(ID, ANA, IVY))
                .expectNoEvents();
    }

    @Test
    void onlyTheRequestersDepartureEndsTheirWait() {
        fixture.given(submitted(), opened(), asked())
                .when(new EndWaitOnDeparture(ID, SOFIA, IVY))
                .expectNoEvents();
    }

    @Test
    void nobodyAnswersAfterTheRequesterLeft() {
        fixture.given(submitted(), opened(), asked(), new RequesterLeftBeforeAnswering(ID, STEP, ANA, IVY,
                        Duration.ofHours(30), DUE.plus(Duration.ofHours(30)), NOW))
                .when(new AnswerRequest(ID, ANA, "Lab Supplies", null, null, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    private static MoreInformationProvided answered() {
        return new MoreInformationProvided(ID, STEP, ANA, "Lab Supplies", null, null, Duration.ofHours(1),
                DUE.plus(Duration.ofHours(1)), ASKED.plus(Duration.ofHours(1)));
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, ASKED.minus(Duration.ofHours(1)));
    }

    private static StepOpened opened() {
        return new StepOpened(ID, STEP, "Approval", SOFIA, DUE, ASKED.minus(Duration.ofHours(1)), "approval:1:5e2c");
    }
}
