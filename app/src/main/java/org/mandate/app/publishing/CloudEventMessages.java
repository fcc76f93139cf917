package org.mandate.app.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.mandate.projections.audit.AuditFields;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored domain event into its CloudEvent: {@code id} is the event id, {@code type}
 * {@code org.mandate.<EventName>}, {@code subject} the aggregate id, {@code data} the payload exactly as the event
 * store holds it (the same JSON serializer), and who decided under whose authority as the extensions
 * {@code decidedby}, {@code onbehalfof} and {@code mandateid} where the event has them. {@code sequence} is the
 * event's position in its aggregate, so a consumer can order or de-duplicate without parsing the data.
 */
@Component
public class CloudEventMessages {

    static final String TYPE_PREFIX = "org.mandate.";
    private static final String DOMAIN_PACKAGE = "org.mandate.domain.";
    /**
     * Subscriptions name their URLs; they stay inside Mandate (a URL may carry a token). Mail addresses and
     * notification choices are a person's own business, of no use to another system (docs/notifications.md).
     */
    private static final List<String> NOT_PUBLISHED = List.of("org.mandate.domain.webhook.",
            "org.mandate.domain.notification.", "org.mandate.domain.directory.EmailSet");
    private static final Map<String, String> EXTENSIONS = Map.of("decidedBy", "decidedby", "onBehalfOf",
            "onbehalfof", "mandateId", "mandateid");

    private final Serializer events;
    private final ObjectMapper json;
    private final URI source;
    private final JsonFormat format = new JsonFormat();

    public CloudEventMessages(@Qualifier("messageSerializer") Serializer events, ObjectMapper json,
                              @Value("${mandate.publishing.source:/mandate}") URI source) {
        this.events = events;
        this.json = json;
        this.source = source;
    }

    /** The CloudEvent of a domain event, or empty for events that are not published (see {@link #NOT_PUBLISHED}). */
    public Optional<OutgoingEvent> of(EventMessage<?> message) {
        String className = message.getPayloadType().getName();
        if (!className.startsWith(DOMAIN_PACKAGE) || NOT_PUBLISHED.stream().anyMatch(className::startsWith)) {
            return Optional.empty();
        }
        String name = message.getPayloadType().getSimpleName();
        byte[] data = events.serialize(message.getPayload(), byte[].class).getData();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(source)
                .withType(TYPE_PREFIX + name)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data);
        String subject = null;
        if (message instanceof DomainEventMessage<?> domain) {
            subject = domain.getAggregateIdentifier();
            event.withSubject(subject).withExtension("sequence", Long.toString(domain.getSequenceNumber()));
        }
        JsonNode payload = read(data);
        EXTENSIONS.forEach((field, extension) -> {
            String value = AuditFields.text(payload.get(field));
            if (value != null) {
                event.withExtension(extension, value);
            }
        });
        return Optional.of(new OutgoingEvent(message.getIdentifier(), TYPE_PREFIX + name,
                routingKey(className, name), subject, format.serialize(event.build())));
    }

    /** {@code request.StepDecided}: the domain area, then the event name, so consumers bind to either. */
    static String routingKey(String className, String name) {
        String area = className.substring(DOMAIN_PACKAGE.length());
        int dot = area.indexOf('.');
        return (dot < 0 ? "domain" : area.substring(0, dot)) + "." + name;
    }

    private JsonNode read(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("an event payload the event serializer wrote is no JSON", unreadable);
        }
    }
}
