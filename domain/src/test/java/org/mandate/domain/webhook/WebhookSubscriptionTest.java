package org.mandate.domain.webhook;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WebhookSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final String ID = "7d1c7a1e-0000-4000-8000-000000000001";
    private static final String URL = "https://hooks.example.org/mandate";

    private FixtureConfiguration<WebhookSubscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookSubscription.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSubscriptionIsRecordedWithTheEventNamesWithoutTheirTypePrefix() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook(ID, URL, List.of("org.mandate.StepDecided", "StepDecided", "*"), IVY))
                .expectEvents(new WebhookSubscribed(ID, URL, List.of("StepDecided", "*"), IVY, NOW));
    }

    @Test
    void aSubscriptionWithoutEventTypesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook(ID, URL, List.of(), IVY))
                .expectException(RuleViolation.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("Name the event types"));
    }

    @Test
    void anEventTypeThatIsNoEventNameIsRefused() {
        for (List<String> types : List.of(List.of("stepDecided"), List.of("Step.Decided"), List.of("#"),
                Arrays.asList((String) null), List.of("A".repeat(81)))) {
            fixture.givenNoPriorActivity()
                    .when(new SubscribeWebhook(ID, URL, types, IVY))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Test
    void aBlankOrOverlongUrlIsRefused() {
        for (String url : Arrays.asList(null, " ", "https://x.org/" + "a".repeat(SubscriptionPolicy.MAX_URL_LENGTH))) {
            fixture.givenNoPriorActivity()
                    .when(new SubscribeWebhook(ID, url, List.of("*"), IVY))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Test
    void tooManyEventTypesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeWebhook(ID, URL, Collections.nCopies(SubscriptionPolicy.MAX_EVENT_TYPES + 1,
                        "StepDecided"), IVY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aSubscriptionIsCancelledOnce() {
        fixture.given(new WebhookSubscribed(ID, URL, List.of("*"), IVY, NOW))
                .when(new CancelWebhookSubscription(ID, IVY))
                .expectEvents(new WebhookSubscriptionCancelled(ID, IVY, NOW));
        fixture.given(new WebhookSubscribed(ID, URL, List.of("*"), IVY, NOW),
                        new WebhookSubscriptionCancelled(ID, IVY, NOW))
                .when(new CancelWebhookSubscription(ID, IVY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void eachRefusalNamesTheFieldItIsAboutSoAFormCanShowItThere() {
        assertThat(field(new SubscribeWebhook(ID, " ", List.of("*"), IVY))).isEqualTo("url");
        assertThat(field(new SubscribeWebhook(ID, URL, List.of(), IVY))).isEqualTo("eventTypes");
        assertThat(field(new SubscribeWebhook(ID, URL, List.of("step decided"), IVY))).isEqualTo("eventTypes");
    }

    private static Object field(SubscribeWebhook command) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> SubscriptionPolicy.check(command));
        assertThat(refused).as(command.toString()).isNotNull();
        return refused.properties().get("field");
    }
}
