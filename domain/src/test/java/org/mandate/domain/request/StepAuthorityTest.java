package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateRegister;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Scope;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.mandate.MandateRegister.mandate;

/** Deciding under a mandate, lending a step, and recalling it: who decides under whose authority. */
class StepAuthorityTest {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final RequestId ID = RequestId.of("7d0b7b0e-58a8-4b1a-9d7c-3f0d3c1b2a11");
    static final PersonId ANA = PersonId.of("ana");
    static final PersonId SOFIA = PersonId.of("sofia");
    static final PersonId LIAM = PersonId.of("liam");
    static final PersonId BEN = PersonId.of("ben");
    static final StepId STEP = new StepId("task-1");
    private static final String MANDATE = "3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51";

    private FixtureConfiguration<ApprovalRequest> fixture;
    private MandateRegister register;

    @BeforeEach
    void setUp() {
        register = new MandateRegister();
        fixture = RequestFixture.at(NOW, SchoolDirectory.school(), register);
    }

    @Test
    void decidesUnderAMandateFromTheHolderAndRecordsIt() {
        register.add(mandate(MANDATE, "sofia", "liam", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, "Covering for Sofia"))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, LIAM, SOFIA, MANDATE, "Covering for Sofia",
                        NOW));
    }

    @Test
    void aMandateThatExpiredASecondBeforeNoLongerCounts() {
        register.add(mandate(MANDATE, "sofia", "liam", 2000, NOW.minusSeconds(3600), NOW.minusSeconds(1)));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "does not cover"));
    }

    @Test
    void aMandateEndingAtTheMomentOfDecisionNoLongerCounts() {
        register.add(mandate(MANDATE, "sofia", "liam", 2000, NOW.minusSeconds(3600), NOW));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "assigned to sofia"));
    }

    @Test
    void aMandateRevokedASecondBeforeNoLongerCounts() {
        MandateTerms terms = mandate(MANDATE, "sofia", "liam", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600));
        register.add(new MandateTerms(terms.id(), terms.grantor(), terms.holder(), terms.principal(), null,
                terms.scope(), terms.validFrom(), terms.validUntil(), false, NOW.minusSeconds(1)));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "revoked"));
    }

    @Test
    void aMandateNotYetValidOrTooSmallOrForAnotherCategoryDoesNotCount() {
        register.add(mandate(MANDATE, "sofia", "liam", 2000, NOW.plusSeconds(1), NOW.plusSeconds(3600)))
                .add(mandate("11111111-2222-4333-8444-555555555555", "sofia", "liam", 1000, NOW, NOW.plusSeconds(60)))
                .add(new MandateTerms(MandateId.of("22222222-2222-4333-8444-555555555555"), SOFIA, LIAM, SOFIA, null,
                        new Scope(Set.of("trip"), new BigDecimal("2000"), "EUR"), NOW, NOW.plusSeconds(60), false,
                        null));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "does not cover equipment 1500 EUR"));
    }

    @Test
    void aMandateFromSomeoneElseDoesNotCount() {
        register.add(mandate(MANDATE, "vera", "liam", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "assigned to sofia"));
    }

    @Test
    void rejectsSelfApprovalThroughAMandate() {
        register.add(mandate(MANDATE, "sofia", "ana", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, ANA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "own request"));
    }

    @Test
    void aPassedOnMandateCountsOnlyWhileTheOneItCameFromDoes() {
        MandateTerms parent = new MandateTerms(MandateId.of(MANDATE), SOFIA, LIAM, SOFIA, null,
                new Scope(Set.of(Scope.ANY), new BigDecimal("2000"), "EUR"), NOW.minusSeconds(60),
                NOW.plusSeconds(60), true, NOW.minusSeconds(1));
        String child = "33333333-2222-4333-8444-555555555555";
        register.add(parent).add(new MandateTerms(MandateId.of(child), LIAM, BEN, SOFIA, parent.id(),
                parent.scope(), parent.validFrom(), parent.validUntil(), false, null));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "does not cover"));
    }

    @Test
    void aPassedOnMandateDecidesOnBehalfOfTheOriginalHolder() {
        MandateTerms parent = new MandateTerms(MandateId.of(MANDATE), SOFIA, LIAM, SOFIA, null,
                new Scope(Set.of(Scope.ANY), new BigDecimal("2000"), "EUR"), NOW.minusSeconds(60),
                NOW.plusSeconds(60), true, null);
        String child = "33333333-2222-4333-8444-555555555555";
        register.add(parent).add(new MandateTerms(MandateId.of(child), LIAM, BEN, SOFIA, parent.id(),
                parent.scope(), parent.validFrom(), parent.validUntil(), false, null));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, BEN, SOFIA, child, null, NOW));
    }

    @Test
    void theHolderLendsAStepWithANote() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, SOFIA, LIAM, " Liam knows the supplier "))
                .expectEvents(new StepDelegated(ID, STEP, SOFIA, LIAM, "Liam knows the supplier", NOW));
    }

    @Test
    void theColleagueDecidesALentStepOnBehalfOfTheHolder() {
        fixture.given(submitted(), opened(), delegated())
                .when(new DecideStep(ID, STEP, LIAM, Outcome.APPROVED, null))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, LIAM, SOFIA, null, null, NOW));
    }

    @Test
    void theHolderDoesNotDecideALentStepUntilTheyRecallIt() {
        fixture.given(submitted(), opened(), delegated())
                .when(new DecideStep(ID, STEP, SOFIA, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "recall it first"));
    }

    @Test
    void aMandateFromTheHolderDoesNotReachALentStep() {
        register.add(mandate(MANDATE, "sofia", "ben", 2000, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        fixture.given(submitted(), opened(), delegated())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "lent to liam"));
    }

    @Test
    void onlyTheHolderLendsAStep() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, LIAM, BEN, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only sofia"));
    }

    @Test
    void aStepIsNotLentToTheRequester() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, SOFIA, ANA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "ana made this request"));
    }

    @Test
    void aStepIsNotLentToOneself() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, SOFIA, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "already hold"));
    }

    @Test
    void aStepIsNotLentToSomeoneWhoIsNotActive() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, SOFIA, PersonId.of("zed"), null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "'zed' is not an active person"));
    }

    @Test
    void aLentStepIsNotLentAgain() {
        fixture.given(submitted(), opened(), delegated())
                .when(new DelegateStep(ID, STEP, SOFIA, BEN, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already lent to liam"));
    }

    @Test
    void theHolderRecallsALentStep() {
        fixture.given(submitted(), opened(), delegated())
                .when(new RecallDelegation(ID, STEP, SOFIA, "Back from leave"))
                .expectEvents(new StepDelegationRecalled(ID, STEP, SOFIA, LIAM, "Back from leave", NOW));
    }

    @Test
    void onlyTheHolderRecalls() {
        fixture.given(submitted(), opened(), delegated())
                .when(new RecallDelegation(ID, STEP, LIAM, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only sofia"));
    }

    @Test
    void onlyALentStepIsRecalled() {
        fixture.given(submitted(), opened())
                .when(new RecallDelegation(ID, STEP, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "not lent"));
    }

    @Test
    void aRecallReasonHasALimit() {
        fixture.given(submitted(), opened(), delegated())
                .when(new RecallDelegation(ID, STEP, SOFIA, "x".repeat(2_001)))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "shorten"));
    }

    @Test
    void aDecidedStepCannotBeRecalled() {
        fixture.given(submitted(), opened(), delegated(),
                        new StepDecided(ID, STEP, Outcome.APPROVED, LIAM, SOFIA, null, null, NOW))
                .when(new RecallDelegation(ID, STEP, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already decided by liam"));
    }

    static RequestSubmitted submitted() {
        return new RequestSubmitted(ID, "Microscope", "equipment", new BigDecimal("1500"), "EUR", "For the lab", ANA,
                ApprovalRequest.DEFAULT_PROCESS, NOW);
    }

    static StepOpened opened() {
        return new StepOpened(ID, STEP, "Approval", SOFIA, NOW.plus(Duration.ofDays(2)), NOW, "approval:1:5e2c");
    }

    private static StepDelegated delegated() {
        return new StepDelegated(ID, STEP, SOFIA, LIAM, null, NOW);
    }
}
