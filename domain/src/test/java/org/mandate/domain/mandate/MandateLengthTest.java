package org.mandate.domain.mandate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.SchoolDirectory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mandate.domain.RuleViolations.violation;

/** A mandate runs for at most the organisation's maximum, starts within it, and no absurd year gets through. */
class MandateLengthTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final MandateId ID = MandateId.of("3f6c1c8e-1d0a-4f61-9d1e-7a0b9c2d4e51");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId LIAM = PersonId.of("liam");
    private static final Scope SCOPE = new Scope(Set.of("equipment"), new BigDecimal("1000"), "EUR");

    private FixtureConfiguration<MandateAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MandateAggregate.class);
        fixture.registerInjectableResource(SchoolDirectory.school());
        fixture.registerInjectableResource(new MandateRegister());
        fixture.registerInjectableResource(MandateLimits.defaults());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aMandateOfExactlyTheMaximumIsGranted() {
        Instant yearLater = Instant.parse("2027-11-02T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(grant(NOW, yearLater))
                .expectEvents(new MandateGranted(ID, SOFIA, LIAM, SOFIA, null, SCOPE, NOW, yearLater, null, false,
                        NOW));
    }

    @Test
    void aMandateLongerThanTheMaximumIsRefusedNamingIt() {
        fixture.givenNoPriorActivity()
                .when(grant(NOW, Instant.parse("2027-11-02T09:00:01Z")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "at most P1Y (mandate.mandates.max-length)"));
    }

    @Test
    void aMandateUntilAnAbsurdYearIsRefusedAsTooLong() {
        fixture.givenNoPriorActivity()
                .when(grant(NOW, Instant.parse("+999999-01-01T00:00:00Z")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "at most P1Y"));
    }

    @Test
    void aMandateFromBeforeAnyCalendarIsRefused() {
        fixture.givenNoPriorActivity()
                .when(grant(Instant.MIN, Instant.parse("2027-01-01T00:00:00Z")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "beyond any calendar"));
    }

    @Test
    void aMandateStartingBeyondTheMaximumFromNowIsRefused() {
        fixture.givenNoPriorActivity()
                .when(grant(Instant.parse("+999999-01-01T00:00:00Z"), Instant.parse("+999999-01-02T00:00:00Z")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "too far ahead"));
    }

    @Test
    void aMandateStartingAtTheEndOfTimeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(grant(Instant.MAX.minusSeconds(10), Instant.MAX))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "too far ahead"));
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(grant(NOW.plusSeconds(3600), NOW.plusSeconds(60)))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "validFrom before validUntil"));
    }

    @Test
    void theMaximumIsConfigurableButPositive() {
        fixture = new AggregateTestFixture<>(MandateAggregate.class);
        fixture.registerInjectableResource(SchoolDirectory.school());
        fixture.registerInjectableResource(new MandateRegister());
        fixture.registerInjectableResource(new MandateLimits(Period.ofMonths(1)));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.givenNoPriorActivity()
                .when(grant(NOW, Instant.parse("2026-12-03T09:00:00Z")))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "at most P1M"));
        assertThatThrownBy(() -> new MandateLimits(Period.ZERO)).hasMessageContaining("must be positive");
    }

    private static GrantMandate grant(Instant validFrom, Instant validUntil) {
        return new GrantMandate(ID, SOFIA, LIAM, SCOPE, validFrom, validUntil, null, false, null);
    }
}
