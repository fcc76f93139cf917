package org.mandate.domain.client;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;

class SystemClientTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final PersonId ANA = PersonId.of("ana");

    private FixtureConfiguration<SystemClient> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SystemClient.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aClientIsRegisteredWithItsPersonAndSortedScopes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSystemClient("purchasing", ANA, Set.of("requests:submit", "requests:read"), IVY))
                .expectEvents(new SystemClientRegistered("purchasing", ANA, List.of("requests:read",
                        "requests:submit"), IVY, NOW));
    }

    @Test
    void anUnknownScopeOrNoScopeOrABadClientIdIsRefusedNamingWhatIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSystemClient("purchasing", ANA, Set.of("requests:decide"), IVY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("[requests:submit, requests:read, audit:read]"));
        fixture.givenNoPriorActivity()
                .when(new RegisterSystemClient("purchasing", ANA, Set.of(), IVY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aClientIdThatIsNoPlainIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSystemClient("bad id", ANA, Set.of("requests:read"), IVY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aRegisteredClientIsNotRegisteredTwiceButMayComeBackAfterRemoval() {
        SystemClientRegistered registered = new SystemClientRegistered("purchasing", ANA, List.of("requests:read"),
                IVY, NOW);
        fixture.given(registered)
                .when(new RegisterSystemClient("purchasing", ANA, Set.of("requests:submit"), IVY))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(registered, new SystemClientRemoved("purchasing", IVY, NOW))
                .when(new RegisterSystemClient("purchasing", ANA, Set.of("requests:submit"), IVY))
                .expectEvents(new SystemClientRegistered("purchasing", ANA, List.of("requests:submit"), IVY, NOW));
        fixture.given(registered, new SystemClientRemoved("purchasing", IVY, NOW))
                .when(new RemoveSystemClient("purchasing", IVY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void eachRefusalNamesTheFieldItIsAboutSoAFormCanShowItThere() {
        assertThat(field(new RegisterSystemClient("bad id", ANA, Set.of("requests:read"), IVY))).isEqualTo("clientId");
        assertThat(field(new RegisterSystemClient("purchasing", null, Set.of("requests:read"), IVY)))
                .isEqualTo("actsAs");
        assertThat(field(new RegisterSystemClient("purchasing", ANA, Set.of(), IVY))).isEqualTo("scopes");
        assertThat(field(new RegisterSystemClient("purchasing", ANA, Set.of("requests:decide"), IVY)))
                .isEqualTo("scopes");
    }

    private static Object field(RegisterSystemClient command) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> ClientScopes.check(command));
        assertThat(refused).as(command.toString()).isNotNull();
        return refused.properties().get("field");
    }
}
