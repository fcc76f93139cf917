package org.mandate.domain.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateRegister;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Scope;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.request.StepAuthorityTest.ANA;
import static org.mandate.domain.request.StepAuthorityTest.BEN;
import static org.mandate.domain.request.StepAuthorityTest.ID;
import static org.mandate.domain.request.StepAuthorityTest.LIAM;
import static org.mandate.domain.request.StepAuthorityTest.NOW;
import static org.mandate.domain.request.StepAuthorityTest.SOFIA;
import static org.mandate.domain.request.StepAuthorityTest.STEP;
import static org.mandate.domain.request.StepAuthorityTest.opened;
import static org.mandate.domain.request.StepAuthorityTest.submitted;

/** A decision counts only if its chain of authority passes through nobody who made the request or reports to them. */
class AuthorityChainPolicyTest {

    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId INTERN = PersonId.of("intern");
    private static final String FROM_SOFIA = "3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51";
    private static final String FROM_ANA = "33333333-2222-4333-8444-555555555555";

    private FixtureConfiguration<ApprovalRequest> fixture;
    private MandateRegister register;
    private SchoolDirectory directory;

    @BeforeEach
    void setUp() {
        register = new MandateRegister();
        directory = SchoolDirectory.school().with("intern", "ana", Authority.none());
        fixture = RequestFixture.at(NOW, directory, register);
    }

    @Test
    void aRequesterCannotPassOnTheHoldersMandateToPickTheirOwnApprover() {
        register.add(link(FROM_SOFIA, SOFIA, ANA, null)).add(link(FROM_ANA, ANA, BEN, FROM_SOFIA));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, "Looks fine"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN,
                        "runs through sofia -> ana -> ben (ana passed mandate " + FROM_ANA + " on to ben), and ana "
                                + "made this request"));
    }

    @Test
    void theRequesterAnywhereDeeperInTheChainTaintsItToo() {
        String fromLiam = "44444444-2222-4333-8444-555555555555";
        register.add(link(FROM_SOFIA, SOFIA, LIAM, null)).add(link(fromLiam, LIAM, ANA, FROM_SOFIA))
                .add(link(FROM_ANA, ANA, BEN, fromLiam));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "ana made this request"));
    }

    @Test
    void aCleanMandateCountsEvenWhenATaintedOneIsHeldToo() {
        String direct = "55555555-2222-4333-8444-555555555555";
        register.add(link(FROM_SOFIA, SOFIA, ANA, null)).add(link(FROM_ANA, ANA, BEN, FROM_SOFIA))
                .add(link(direct, SOFIA, BEN, null));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, BEN, Outcome.APPROVED, null))
                .expectEvents(new StepDecided(ID, STEP, Outcome.APPROVED, BEN, SOFIA, direct, null, NOW));
    }

    @Test
    void aMandatePassedOnToSomeoneWhoReportsToTheRequesterDoesNotCount() {
        register.add(link(FROM_SOFIA, SOFIA, LIAM, null)).add(link(FROM_ANA, LIAM, INTERN, FROM_SOFIA));
        fixture.given(submitted(), opened())
                .when(new DecideStep(ID, STEP, INTERN, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "intern reports to ana"));
    }

    @Test
    void aStepIsNotLentToSomeoneWhoReportsToTheRequester() {
        fixture.given(submitted(), opened())
                .when(new DelegateStep(ID, STEP, SOFIA, INTERN, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "intern reports to ana"));
    }

    @Test
    void aStepLentToTheRequestersReportBeforeThisRuleIsNotDecidedByThem() {
        fixture.given(submitted(), opened(), new StepDelegated(ID, STEP, SOFIA, INTERN, null, NOW))
                .when(new DecideStep(ID, STEP, INTERN, Outcome.APPROVED, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "sofia lent the step to intern"));
    }

    @Test
    void aRequesterWhoSomehowHoldsTheirOwnStepCannotLendIt() {
        RequestSubmitted byVera = new RequestSubmitted(ID, "Lab", "equipment", new BigDecimal("1500"), "EUR", null,
                VERA, ApprovalRequest.DEFAULT_PROCESS, NOW);
        // no path opens a step for the requester; a reassignment from before the departure rules could have
        fixture.given(byVera, opened(), new StepReassigned(ID, STEP, SOFIA, VERA, "sofia left", NOW))
                .when(new DelegateStep(ID, STEP, VERA, LIAM, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "cannot hand its step to anyone"));
    }

    @Test
    void aChainTooLongToFollowIsRefusedRatherThanTrusted() {
        String previous = FROM_SOFIA;
        register.add(link(previous, SOFIA, LIAM, null));
        for (int i = 0; i < AuthorityChainPolicy.MAX_DEPTH; i++) {
            String next = String.format("00000000-0000-4000-8000-%012d", i);
            register.add(link(next, LIAM, BEN, previous));
            previous = next;
        }
        MandateTerms last = register.find(MandateId.of(previous)).orElseThrow();
        assertThat(new AuthorityChainPolicy(directory).objectionToMandate(ANA, last, register))
                .hasValueSatisfying(objection -> assertThat(objection).contains("cannot be checked"));
    }

    /** A mandate carrying sofia's authority, for anything up to 2000 EUR, allowing it to be passed on. */
    private static MandateTerms link(String id, PersonId from, PersonId to, String parent) {
        return new MandateTerms(MandateId.of(id), from, to, SOFIA, parent == null ? null : MandateId.of(parent),
                new Scope(Set.of(Scope.ANY), new BigDecimal("2000"), "EUR"), NOW.minusSeconds(60),
                NOW.plusSeconds(3600), true, null);
    }
}
