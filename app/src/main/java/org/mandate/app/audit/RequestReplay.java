package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.audit.AuditFields;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Replays a request from the event store itself (not from a projection), event by event, with the request's
 * state after each one and the authority and mandates in force at that moment.
 */
@Component
class RequestReplay {

    private final EventStore events;
    private final ProcessPaths paths;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RequestReplay(EventStore events, ProcessPaths paths, JdbcTemplate jdbc, ObjectMapper json) {
        this.events = events;
        this.paths = paths;
        this.jdbc = jdbc;
        this.json = json;
    }

    ObjectNode replay(UUID requestId, Instant asOf) {
        String id = requestId.toString();
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(id).asStream().forEach(history::add);
        if (history.isEmpty()) {
            throw AppRefusals.notFound("refusal.audit.noRequest", String.valueOf(id));
        }
        if (asOf != null && history.get(0).getTimestamp().isAfter(asOf)) {
            throw AppRefusals.notFound("refusal.audit.notYet", String.valueOf(id), String.valueOf(asOf),
                    String.valueOf(history.get(0).getTimestamp()));
        }
        RequestFold fold = new RequestFold(id, paths);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("requestId", id);
        if (asOf != null) {
            result.put("asOf", asOf.toString());
        }
        ArrayNode frames = result.putArray("frames");
        Instant last = asOf != null ? asOf : history.get(history.size() - 1).getTimestamp();
        AuthorityInForce authority = AuthorityInForce.load(jdbc, json, last);
        ObjectNode state = null;
        for (DomainEventMessage<?> event : history) {
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            String type = event.getPayloadType().getSimpleName();
            JsonNode payload = json.valueToTree(event.getPayload());
            state = fold.apply(event.getPayload(), type, payload, event.getTimestamp());
            ObjectNode frame = frames.addObject();
            frame.put("seq", event.getSequenceNumber());
            frame.set("event", describe(event, type, payload));
            frame.set("state", state);
            frame.set("inForce", authority.at(event.getTimestamp(), involved(state)));
        }
        result.set("state", state);
        return result;
    }

    private static ObjectNode describe(DomainEventMessage<?> event, String type, JsonNode payload) {
        AuditFields fields = AuditFields.of(payload);
        ObjectNode described = JsonNodeFactory.instance.objectNode();
        described.put("type", type);
        if (type.equals("RequestCommented")) {
            described.put("words", fields.actor() + " commented"); // the page's title for the frame
        }
        if (type.equals("AttachmentAdded")) {
            described.put("words", fields.actor() + " attached " + AuditFields.text(payload.get("fileName"))
                    + (payload.hasNonNull("supersedes") ? " (superseding an earlier file)" : ""));
        }
        if (type.equals("MoreInformationRequested")) {
            described.put("words", fields.actor() + " sent it back for more information");
        }
        if (type.equals("MoreInformationProvided")) {
            described.put("words", fields.actor() + " answered");
        }
        if (type.equals("RequesterLeftBeforeAnswering")) {
            described.put("words", AuditFields.text(payload.get("requester")) + " left before answering (departure "
                    + "recorded by " + fields.actor() + "); the step is back with its holder");
        }
        if (type.equals("VoteCast")) {
            String voter = AuditFields.text(payload.get("voter"));
            described.put("words", fields.actor() + " voted " + AuditFields.text(payload.get("outcome")).toLowerCase()
                    + (voter != null && !voter.equals(fields.actor()) ? " for " + voter : "")
                    + (payload.hasNonNull("replaces") ? " (a changed vote)" : ""));
        }
        if (type.equals("QuorumMet") || type.equals("QuorumFailed")) {
            described.put("words", (type.equals("QuorumMet") ? "Quorum met (" : "Quorum can no longer be met (")
                    + AuditFields.text(payload.get("rule")) + ")");
        }
        described.put("at", event.getTimestamp().toString());
        described.put("eventId", event.getIdentifier());
        described.put("actor", fields.actor());
        described.put("onBehalfOf", fields.onBehalfOf());
        described.put("mandateId", fields.mandateId());
        described.put("rationale", fields.rationale());
        described.put("processVersion", fields.processVersion());
        described.set("payload", payload);
        return described;
    }

    /** Everyone whose authority bears on the request: the requester, each step's holders and deciders. */
    private static Set<String> involved(JsonNode state) {
        Set<String> people = new HashSet<>();
        people.add(state.path("requester").asText());
        for (JsonNode step : state.path("steps")) {
            people.add(step.path("assignee").asText());
            people.add(step.path("decision").path("decidedBy").asText());
            people.add(step.path("decision").path("onBehalfOf").asText());
            for (JsonNode handover : step.path("handovers")) {
                people.add(handover.path("from").asText());
            }
            step.path("vote").path("ballots").fields().forEachRemaining(ballot -> {
                people.add(ballot.getKey());
                people.add(ballot.getValue().path("votedBy").asText());
            });
        }
        people.remove("");
        return people;
    }
}
