package org.mandate.domain.preference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class PreferencesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final PersonId ANA = PersonId.of("ana");

    private FixtureConfiguration<Preferences> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Preferences.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPersonChoosesGermanAndBerlinTime() {
        fixture.givenNoPriorActivity()
                .when(new ChoosePreferences(ANA, "de", " Europe/Berlin "))
                .expectEvents(new PreferencesChosen(ANA, "de", "Europe/Berlin", NOW));
    }

    @Test
    void blankChoicesMeanFollowTheBrowserAndTheOrganisation() {
        fixture.given(new PreferencesChosen(ANA, "de", "Europe/Berlin", NOW))
                .when(new ChoosePreferences(ANA, "", null))
                .expectEvents(new PreferencesChosen(ANA, null, null, NOW));
    }

    @Test
    void theSameChoiceAgainRecordsNothing() {
        fixture.given(new PreferencesChosen(ANA, "de", "Europe/Berlin", NOW))
                .when(new ChoosePreferences(ANA, "de", "Europe/Berlin"))
                .expectNoEvents();
    }

    @Test
    void refusesALanguageMandateDoesNotSpeak() {
        fixture.givenNoPriorActivity()
                .when(new ChoosePreferences(ANA, "fr", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Mandate speaks en and de; choose one of them, or none to follow your browser.");
    }

    @Test
    void refusesAZoneThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new ChoosePreferences(ANA, null, "Mars/Olympus"))
                .expectException(RuleViolation.class);
    }
}
