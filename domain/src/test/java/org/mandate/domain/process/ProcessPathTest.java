package org.mandate.domain.process;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mandate.domain.RuleViolations.violation;

class ProcessPathTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final PersonId OLU = PersonId.of("olu");
    private static final String SUM_1 = "a".repeat(64);
    private static final String SUM_2 = "b".repeat(64);

    private FixtureConfiguration<ProcessPath> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProcessPath.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstDeploymentOfAKeyRecordsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("trip", 1, "trip:1:x1", OLU, SUM_1))
                .expectEvents(new ProcessDeployed("trip", 1, "trip:1:x1", OLU, NOW, SUM_1));
    }

    @Test
    void aShippedVersionIsRecordedWithoutADeployer() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("approval", 1, "approval:1:x1", null, SUM_1))
                .expectEvents(new ProcessDeployed("approval", 1, "approval:1:x1", null, NOW, SUM_1));
    }

    @Test
    void theNextVersionFollowsTheLatest() {
        fixture.given(deployed(1, "trip:1:x1"))
                .when(new DeployProcess("trip", 2, "trip:2:x2", OLU, SUM_2))
                .expectEvents(new ProcessDeployed("trip", 2, "trip:2:x2", OLU, NOW, SUM_2));
    }

    @Test
    void recordingTheSameVersionAgainChangesNothing() {
        fixture.given(deployed(1, "trip:1:x1"))
                .when(new DeployProcess("trip", 1, "trip:1:x1", null, SUM_1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAVersionAlreadyRecordedForAnotherDefinition() {
        fixture.given(deployed(1, "trip:1:x1"))
                .when(new DeployProcess("trip", 1, "trip:1:other", OLU, SUM_2))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "already recorded"));
    }

    @Test
    void refusesAGapBetweenVersions() {
        fixture.given(deployed(1, "trip:1:x1"))
                .when(new DeployProcess("trip", 3, "trip:3:x3", OLU, SUM_2))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "next version of 'trip' is 2"));
    }

    @Test
    void refusesAnUnusableKey() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("1 bad key", 1, "x:1:y", OLU, SUM_1))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "not a usable process key"));
    }

    @Test
    void refusesVersionZero() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("trip", 0, "trip:0:x", OLU, SUM_1))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "start at 1"));
    }

    @Test
    void refusesADeploymentWithoutEngineDefinition() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("trip", 1, " ", OLU, SUM_1))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "engine definition"));
    }

    @Test
    void refusesADeploymentWithoutChecksum() {
        fixture.givenNoPriorActivity()
                .when(new DeployProcess("trip", 1, "trip:1:x1", OLU, "not-a-hash"))
                .expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "SHA-256"));
    }

    private static ProcessDeployed deployed(int version, String definition) {
        return new ProcessDeployed("trip", version, definition, OLU, NOW, SUM_1);
    }
}
