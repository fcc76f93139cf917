package org.mandate.domain.binding;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.domain.RuleViolations.violation;

class PathBindingsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final PersonId OLU = PersonId.of("olu");
    private static final BigDecimal FIVE_K = new BigDecimal("5000");

    private FixtureConfiguration<PathBindings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PathBindings.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theDefaultIsBoundOnFirstStart() {
        fixture.givenNoPriorActivity()
                .when(new BindDefaultPath("approval"))
                .expectEvents(new PathBound("approval", null, null, null, null, NOW));
    }

    @Test
    void theDefaultIsNotBoundAgainOnceAProcessOwnerUnboundIt() {
        fixture.given(new PathBound("approval", null, null, null, null, NOW),
                        new PathUnbound("approval", null, null, null, OLU, NOW))
                .when(new BindDefaultPath("approval"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProcessOwnerBindsAPathToACategoryAndBand() {
        fixture.given(new PathBound("approval", null, null, null, null, NOW))
                .when(new BindPath("trips", "trip", null, FIVE_K, OLU))
                .expectEvents(new PathBound("trips", "trip", null, FIVE_K, OLU, NOW));
    }

    @Test
    void bindingTheSameSlotAgainReplacesItsPath() {
        fixture.given(new PathBound("trips", "trip", null, FIVE_K, OLU, NOW))
                .when(new BindPath("trips-v2", "trip", BigDecimal.ZERO, new BigDecimal("5000.00"), OLU))
                .expectEvents(new PathBound("trips-v2", "trip", BigDecimal.ZERO, new BigDecimal("5000.00"), OLU,
                        NOW));
    }

    @Test
    void refusesABandThatPartlyOverlapsAnother() {
        fixture.given(new PathBound("trips", "trip", new BigDecimal("1000"), FIVE_K, OLU, NOW))
                .when(new BindPath("big-trips", "trip", new BigDecimal("3000"), new BigDecimal("9000"), OLU))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "overlaps"));
    }

    @Test
    void acceptsBandsThatAreNestedOrApart() {
        fixture.given(new PathBound("trips", "trip", null, FIVE_K, OLU, NOW),
                        new PathBound("small-trips", "trip", null, new BigDecimal("100"), OLU, NOW))
                .when(new BindPath("big-trips", "trip", FIVE_K, null, OLU))
                .expectEvents(new PathBound("big-trips", "trip", FIVE_K, null, OLU, NOW));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("emptyBandsAndMalformedSlots")
    void refusesAnEmptyBandAndMalformedSlots(String processKey, String category, BigDecimal minAmount,
                                              BigDecimal maxAmount, String why) {
        fixture.givenNoPriorActivity()
                .when(new BindPath(processKey, category, minAmount, maxAmount, OLU))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, why));
    }

    static List<Arguments> emptyBandsAndMalformedSlots() {
        return List.of(Arguments.of("trips", "trip", FIVE_K, FIVE_K, "greater than minAmount"),
                Arguments.of("trips", "Trip<script>", null, null, "is not a category"),
                Arguments.of("../etc", "trip", null, null, "is not a process key"),
                Arguments.of("trips", "trip", new BigDecimal("-1"), null, "is not an amount"));
    }

    @Test
    void unbindingRemovesTheSlotAndNamesItsPath() {
        fixture.given(new PathBound("trips", "trip", null, FIVE_K, OLU, NOW))
                .when(new UnbindPath("trip", null, FIVE_K, OLU))
                .expectEvents(new PathUnbound("trips", "trip", null, FIVE_K, OLU, NOW));
    }

    @Test
    void unbindingASlotNothingIsBoundToIsNotFound() {
        fixture.given(new PathBound("trips", "trip", null, FIVE_K, OLU, NOW))
                .when(new UnbindPath("trip", null, null, OLU))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.NOT_FOUND, "Nothing is bound"));
    }

    @Test
    void theMostSpecificBindingWins() {
        List<PathBinding> bindings = List.of(
                new PathBinding("approval", null, null, null),
                new PathBinding("large", null, FIVE_K, null),
                new PathBinding("trips", "trip", null, null),
                new PathBinding("small-trips", "trip", null, new BigDecimal("100")));

        assertThat(PathBinding.mostSpecific(bindings, "equipment", new BigDecimal("50")))
                .map(PathBinding::processKey).contains("approval");
        assertThat(PathBinding.mostSpecific(bindings, "equipment", FIVE_K))
                .map(PathBinding::processKey).contains("large");
        assertThat(PathBinding.mostSpecific(bindings, "trip", new BigDecimal("99.99")))
                .map(PathBinding::processKey).contains("small-trips");
        assertThat(PathBinding.mostSpecific(bindings, "trip", new BigDecimal("100")))
                .map(PathBinding::processKey).contains("trips");
        assertThat(PathBinding.mostSpecific(List.of(new PathBinding("trips", "trip", null, null)), "equipment",
                BigDecimal.TEN)).isEmpty();
    }
}
