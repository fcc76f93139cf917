package org.mandate.app.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepId;
import org.mandate.domain.webhook.WebhookSubscribed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventMessagesTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:12:31Z");
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    private final CloudEventMessages messages = new CloudEventMessages(serializer, json, URI.create("/school"));

    @Test
    void aDecisionUnderAMandateBecomesACloudEventWithWhoDecidedForWhom() throws Exception {
        RequestId request = RequestId.create();
        StepDecided decided = new StepDecided(request, new StepId("step-1"), Outcome.APPROVED,
                PersonId.of("fay"), PersonId.of("sofia"), "m-1", "Within budget", AT);
        var message = new GenericDomainEventMessage<>("ApprovalRequest", request.value().toString(), 2, decided);

        OutgoingEvent outgoing = messages.of(message).orElseThrow();
        CloudEvent event = new JsonFormat().deserialize(outgoing.json());

        assertThat(event.getId()).isEqualTo(message.getIdentifier()).isEqualTo(outgoing.id());
        assertThat(event.getType()).isEqualTo("org.mandate.StepDecided");
        assertThat(event.getSource()).isEqualTo(URI.create("/school"));
        assertThat(event.getSubject()).isEqualTo(request.value().toString()).isEqualTo(outgoing.subject());
        assertThat(event.getExtension("sequence")).isEqualTo("2");
        assertThat(event.getExtension("decidedby")).isEqualTo("fay");
        assertThat(event.getExtension("onbehalfof")).isEqualTo("sofia");
        assertThat(event.getExtension("mandateid")).isEqualTo("m-1");
        assertThat(json.readTree(event.getData().toBytes()))
                .isEqualTo(json.readTree(serializer.serialize(decided, byte[].class).getData()));
        assertThat(outgoing.routingKey()).isEqualTo("request.StepDecided");
        assertThat(outgoing.name()).isEqualTo("StepDecided");
    }

    @Test
    void subscriptionEventsStayInside() {
        var subscribed = new GenericDomainEventMessage<>("WebhookSubscription", "webhook:1", 0,
                new WebhookSubscribed("1", "https://hooks.example.org/?token=secret", List.of("*"),
                        PersonId.of("ivy"), AT));
        assertThat(messages.of(subscribed)).isEmpty();
    }
}
