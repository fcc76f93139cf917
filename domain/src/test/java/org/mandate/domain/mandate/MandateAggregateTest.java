package org.mandate.domain.mandate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.mandate.domain.RuleViolations.violation;
import static org.mandate.domain.mandate.MandateRegister.mandate;

class MandateAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(14));
    private static final MandateId ID = MandateId.of("3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51");
    private static final String OTHER = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId LIAM = PersonId.of("liam");
    private static final PersonId BEN = PersonId.of("ben");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final Scope EQUIPMENT_1000 = new Scope(Set.of("equipment"), new BigDecimal("1000"), "EUR");

    private FixtureConfiguration<MandateAggregate> fixture;
    private SchoolDirectory directory;
    private MandateRegister register;

    @BeforeEach
    void setUp() {
        directory = SchoolDirectory.school();
        register = new MandateRegister();
        fixture = new AggregateTestFixture<>(MandateAggregate.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(MandateLimits.defaults());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void grantsAMandateWithinTheGrantorsOwnAuthority() {
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, EQUIPMENT_1000, null, false))
                .expectEvents(new MandateGranted(ID, SOFIA, LIAM, SOFIA, null, EQUIPMENT_1000, NOW, LATER,
                        "On leave", false, NOW));
    }

    @Test
    void refusesAMandateToOneself() {
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, SOFIA, EQUIPMENT_1000, null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "yourself"));
    }

    @Test
    void refusesAMandateWiderThanTheGrantorsOwnAuthority() {
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, new Scope(Set.of("equipment"), new BigDecimal("2500"), "EUR"), null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Lower maxAmount to 2000"));
    }

    @Test
    void comparesEachCategoryWithTheGrantorsLimitForIt() {
        directory.with("sofia", "vera", new Authority(Map.of("*", new BigDecimal("2000"),
                "trip", new BigDecimal("100"))));
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, new Scope(Set.of("equipment", "trip"), new BigDecimal("500"), "EUR"), null,
                        false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "'trip' is 100"));
    }

    @Test
    void aMandateForAllCategoriesStaysWithinTheGrantorsSmallestCategoryLimit() {
        directory.with("sofia", "vera", new Authority(Map.of("*", new BigDecimal("2000"),
                "trip", new BigDecimal("100"))));
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, new Scope(Set.of(Scope.ANY), new BigDecimal("500"), "EUR"), null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "'trip' is 100"));
    }

    @Test
    void refusesADirectCycle() {
        register.add(mandate(OTHER, "liam", "sofia", 500, NOW, LATER));
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, EQUIPMENT_1000, null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "liam -> sofia"));
    }

    @Test
    void refusesACycleThroughAChain() {
        register.add(mandate(OTHER, "liam", "vera", 500, NOW, LATER))
                .add(mandate("11111111-2222-4333-8444-555555555555", "vera", "sofia", 500, NOW, LATER));
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, EQUIPMENT_1000, null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "liam -> vera -> sofia"));
    }

    @Test
    void anExpiredOrRevokedMandateBackIsNoCycle() {
        register.add(mandate(OTHER, "liam", "sofia", 500, NOW.minus(Duration.ofDays(9)), NOW));
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, EQUIPMENT_1000, null, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new GrantMandate(ID, SOFIA, LIAM, EQUIPMENT_1000, LATER, NOW, null, false, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "validFrom before validUntil"));
    }

    @Test
    void refusesAWindowAlreadyPast() {
        fixture.givenNoPriorActivity()
                .when(new GrantMandate(ID, SOFIA, LIAM, EQUIPMENT_1000, NOW.minusSeconds(60), NOW, null, false, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "already past"));
    }

    @Test
    void refusesAnEmptyScope() {
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, new Scope(Set.of(), new BigDecimal("10"), "EUR"), null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "category"));
    }

    @Test
    void refusesAHolderWhoIsNotHere() {
        directory.left("liam");
        fixture.givenNoPriorActivity()
                .when(grant(SOFIA, LIAM, EQUIPMENT_1000, null, false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "'liam' is not an active person"));
    }

    @Test
    void refusesPassingOnAMandateThatDoesNotAllowIt() {
        register.add(mandate(OTHER, "sofia", "liam", 1000, NOW, LATER));
        fixture.givenNoPriorActivity()
                .when(grant(LIAM, BEN, EQUIPMENT_1000, MandateId.of(OTHER), false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "does not allow passing it on"));
    }

    @Test
    void passesOnAMandateThatAllowsItAndKeepsItsPrincipal() {
        register.add(redelegable(OTHER, "sofia", "liam"));
        fixture.givenNoPriorActivity()
                .when(grant(LIAM, BEN, EQUIPMENT_1000, MandateId.of(OTHER), false))
                .expectEvents(new MandateGranted(ID, LIAM, BEN, SOFIA, MandateId.of(OTHER), EQUIPMENT_1000, NOW,
                        LATER, "On leave", false, NOW));
    }

    @Test
    void refusesPassingOnMoreThanTheMandateHeld() {
        register.add(redelegable(OTHER, "sofia", "liam"));
        fixture.givenNoPriorActivity()
                .when(grant(LIAM, BEN, new Scope(Set.of("trip"), new BigDecimal("100"), "EUR"),
                        MandateId.of(OTHER), false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "cannot be wider"));
    }

    @Test
    void refusesPassingOnSomeoneElsesMandate() {
        register.add(redelegable(OTHER, "sofia", "liam"));
        fixture.givenNoPriorActivity()
                .when(grant(BEN, PersonId.of("ana"), EQUIPMENT_1000, MandateId.of(OTHER), false))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "not yours"));
    }

    @Test
    void theGrantorRevokes() {
        fixture.given(granted())
                .when(new RevokeMandate(ID, SOFIA, "Back early"))
                .expectEvents(new MandateRevoked(ID, SOFIA, "Back early", NOW));
    }

    @Test
    void theHolderRevokes() {
        fixture.given(granted())
                .when(new RevokeMandate(ID, LIAM, null))
                .expectEvents(new MandateRevoked(ID, LIAM, null, NOW));
    }

    @Test
    void nobodyElseRevokes() {
        fixture.given(granted())
                .when(new RevokeMandate(ID, BEN, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.FORBIDDEN, "Only sofia"));
    }

    @Test
    void aMandateIsRevokedOnce() {
        fixture.given(granted(), new MandateRevoked(ID, SOFIA, null, NOW))
                .when(new RevokeMandate(ID, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already revoked"));
    }

    @Test
    void aMandateIsNotRevokedAfterItEnded() {
        fixture.given(new MandateGranted(ID, SOFIA, LIAM, SOFIA, null, EQUIPMENT_1000, NOW.minusSeconds(100),
                        NOW, null, false, NOW.minusSeconds(100)))
                .when(new RevokeMandate(ID, SOFIA, null))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already ended"));
    }

    @Test
    void aDepartureEndsTheMandatesOfTheLeaver() {
        fixture.given(granted())
                .when(new EndMandateOnDeparture(ID, LIAM, IVY))
                .expectEvents(new MandateRevoked(ID, IVY, "liam left the organisation", NOW));
    }

    @Test
    void aDepartureLeavesARevokedMandateAlone() {
        fixture.given(granted(), new MandateRevoked(ID, SOFIA, null, NOW))
                .when(new EndMandateOnDeparture(ID, LIAM, IVY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static GrantMandate grant(PersonId from, PersonId to, Scope scope, MandateId passedOn,
                                      boolean mayRedelegate) {
        return new GrantMandate(ID, from, to, scope, NOW, LATER, " On leave ", mayRedelegate, passedOn);
    }

    private static MandateGranted granted() {
        return new MandateGranted(ID, SOFIA, LIAM, SOFIA, null, EQUIPMENT_1000, NOW, LATER, "On leave", false, NOW);
    }

    private static MandateTerms redelegable(String id, String from, String to) {
        return new MandateTerms(MandateId.of(id), PersonId.of(from), PersonId.of(to), PersonId.of(from), null,
                new Scope(Set.of("equipment"), new BigDecimal("1500"), "EUR"), NOW, LATER.plusSeconds(1), true,
                null);
    }
}
