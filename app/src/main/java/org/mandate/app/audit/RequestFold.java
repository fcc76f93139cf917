package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mandate.domain.request.StepMove;
import org.mandate.projections.audit.AuditFields;

import java.time.Instant;
import java.util.List;

/**
 * A request's state, folded from its events as JSON trees, for the page to show each event's fields as stored: works
 * by event name and field names, and unknown types simply leave it as it was. Who a step is handed on to (a loan, its
 * recall, an escalation, a reassignment) is the domain's one reading of those events, {@link StepMove}, which the
 * aggregate, the reconciler and the read models share.
 */
final class RequestFold {

    private final ObjectNode state = JsonNodeFactory.instance.objectNode();
    private final ProcessPaths paths;

    RequestFold(String requestId, ProcessPaths paths) {
        this.paths = paths;
        state.put("id", requestId);
        state.putArray("steps");
    }

    /** The state after this event ({@code event} typed, {@code payload} as its JSON tree), as a copy a frame can keep. */
    ObjectNode apply(Object event, String type, JsonNode payload, Instant at) {
        switch (type) {
            case "RequestSubmitted" -> {
                for (String field : List.of("title", "category", "amount", "currency", "description", "processKey")) {
                    if (payload.has(field)) {
                        state.set(field, payload.get(field));
                    }
                }
                state.put("requester", AuditFields.text(payload.get("requester")));
                state.put("status", "IN_REVIEW");
                state.put("submittedAt", at.toString());
            }
            case "StepOpened" -> openStep(payload, at);
            case "QuorumStepOpened" -> openStep(payload, at).ifPresent(step -> VoteFold.apply(type, step, payload, at));
            case "VoteCast", "VoterRemoved", "VoterReplaced", "QuorumMet", "QuorumFailed" -> step(payload).ifPresent(step -> {
                VoteFold.apply(type, step, payload, at);
                String voter = AuditFields.text(payload.get("voter"));
                JsonNode ballot = voter == null ? null : step.path("vote").path("ballots").get(voter);
                if (type.equals("VoteCast") && ballot instanceof ObjectNode cast) {
                    cast.set("attachmentsSeen", attachmentsSeen()); // a vote is a decision of its own
                }
            });
            case "StepDecided" -> step(payload).ifPresent(step -> {
                step.put("status", AuditFields.text(payload.get("outcome")));
                ObjectNode decision = step.putObject("decision");
                decision.put("outcome", AuditFields.text(payload.get("outcome")));
                decision.put("decidedBy", AuditFields.text(payload.get("decidedBy")));
                decision.put("onBehalfOf", AuditFields.text(payload.get("onBehalfOf")));
                decision.put("mandateId", AuditFields.text(payload.get("mandateId")));
                decision.put("rationale", AuditFields.text(payload.get("rationale")));
                decision.put("at", at.toString());
                decision.set("attachmentsSeen", attachmentsSeen());
            });
            case "RequestCommented" -> {
                ArrayNode comments = state.has("comments") ? (ArrayNode) state.get("comments")
                        : state.putArray("comments");
                ObjectNode comment = comments.addObject();
                comment.put("by", AuditFields.text(payload.get("by")));
                comment.put("text", AuditFields.text(payload.get("text")));
                ArrayNode mentions = comment.putArray("mentions");
                payload.path("mentions").forEach(person -> mentions.add(AuditFields.text(person)));
                comment.put("at", at.toString());
            }
            case "AttachmentAdded" -> {
                ArrayNode attachments = state.has("attachments") ? (ArrayNode) state.get("attachments")
                        : state.putArray("attachments");
                String hash = AuditFields.text(payload.get("hash"));
                String supersedes = AuditFields.text(payload.get("supersedes"));
                for (JsonNode earlier : attachments) {
                    if (supersedes != null && supersedes.equals(earlier.path("hash").asText())) {
                        ((ObjectNode) earlier).put("supersededBy", hash);
                    }
                }
                ObjectNode attachment = attachments.addObject();
                attachment.put("hash", hash);
                attachment.put("name", AuditFields.text(payload.get("fileName")));
                attachment.put("mediaType", AuditFields.text(payload.get("mediaType")));
                attachment.put("size", payload.path("size").asLong());
                attachment.put("by", AuditFields.text(payload.get("by")));
                attachment.put("supersedes", supersedes);
                attachment.putNull("supersededBy");
                attachment.put("at", at.toString());
            }
            case "MoreInformationRequested" -> {
                ArrayNode questions = state.has("questions") ? (ArrayNode) state.get("questions")
                        : state.putArray("questions");
                ObjectNode question = questions.addObject();
                question.put("stepId", AuditFields.text(payload.get("stepId")));
                question.put("askedBy", AuditFields.text(payload.get("askedBy")));
                question.put("onBehalfOf", AuditFields.text(payload.get("onBehalfOf")));
                question.put("question", AuditFields.text(payload.get("question")));
                question.put("askedAt", at.toString());
                question.putNull("answer");
                step(payload).ifPresent(step -> step.put("waitingForAnswer", true));
            }
            case "MoreInformationProvided" -> {
                for (JsonNode question : state.path("questions")) {
                    if (question.path("answer").isNull()) {
                        ((ObjectNode) question).put("answer", AuditFields.text(payload.get("answer")));
                        ((ObjectNode) question).put("answeredAt", at.toString());
                    }
                }
                for (String field : List.of("title", "description")) {
                    if (payload.hasNonNull(field)) {
                        state.set(field, payload.get(field));
                    }
                }
                step(payload).ifPresent(step -> {
                    step.put("waitingForAnswer", false);
                    if (payload.hasNonNull("dueAt")) {
                        step.set("dueAt", payload.get("dueAt"));
                    }
                });
            }
            case "RequesterLeftBeforeAnswering" -> {
                for (JsonNode question : state.path("questions")) {
                    if (question.path("answer").isNull() && !question.has("requesterLeftAt")) {
                        ((ObjectNode) question).put("requesterLeftAt", at.toString());
                        ((ObjectNode) question).put("leftRecordedBy", AuditFields.text(payload.get("recordedBy")));
                    }
                }
                step(payload).ifPresent(step -> {
                    step.put("waitingForAnswer", false);
                    if (payload.hasNonNull("dueAt")) {
                        step.set("dueAt", payload.get("dueAt"));
                    }
                });
            }
            case "RequestWithdrawn" -> close("WITHDRAWN", at);
            case "RequestApproved" -> close("APPROVED", at);
            case "RequestRejected" -> close("REJECTED", at);
            default -> StepMove.madeBy(event).ifPresent(move -> step(payload).ifPresent(step -> {
                // the step's assignee is whoever decides it now: the delegate while it is lent out
                String decider = move.decider().value();
                ArrayNode handovers = step.has("handovers") ? (ArrayNode) step.get("handovers")
                        : step.putArray("handovers");
                handovers.addObject().put("type", type).put("from", step.path("assignee").asText(null))
                        .put("to", decider).put("at", at.toString());
                step.put("assignee", decider);
            }));
        }
        ArrayNode active = state.putArray("activeSteps");
        ArrayNode elements = state.putArray("activeElements");
        for (JsonNode step : state.get("steps")) {
            if ("OPEN".equals(step.path("status").asText())) {
                active.add(step.get("id"));
                if (step.hasNonNull("element")) {
                    elements.add(step.get("element"));
                }
            }
        }
        return state.deepCopy();
    }

    /**
     * The hashes of the attachments current when a decision was made (superseded ones left out): with the ledger
     * chaining each event, this proves which files the decider had in front of them.
     */
    private ArrayNode attachmentsSeen() {
        ArrayNode seen = JsonNodeFactory.instance.arrayNode();
        for (JsonNode attachment : state.path("attachments")) {
            if (attachment.path("supersededBy").isNull()) {
                seen.add(attachment.path("hash").asText());
            }
        }
        return seen;
    }

    private java.util.Optional<ObjectNode> openStep(JsonNode payload, Instant at) {
        String stepId = AuditFields.text(payload.get("stepId"));
        if (step(payload).isPresent() || stepId == null) {
            return java.util.Optional.empty();
        }
        String pathVersion = AuditFields.text(payload.get("pathVersion"));
        String name = AuditFields.text(payload.get("name"));
        ObjectNode step = ((ArrayNode) state.get("steps")).addObject();
        step.put("id", stepId);
        step.put("name", name);
        step.put("status", "OPEN");
        step.put("assignee", AuditFields.text(payload.get("assignee")));
        step.put("dueAt", AuditFields.text(payload.get("dueAt")));
        step.put("openedAt", at.toString());
        step.put("pathVersion", pathVersion);
        step.put("element", paths.elementOf(pathVersion, name));
        if (pathVersion != null) {
            state.put("pathVersion", pathVersion);
        }
        return java.util.Optional.of(step);
    }

    private java.util.Optional<ObjectNode> step(JsonNode payload) {
        String stepId = AuditFields.text(payload.get("stepId"));
        if (stepId == null) {
            return java.util.Optional.empty();
        }
        for (JsonNode step : state.get("steps")) {
            if (stepId.equals(step.path("id").asText())) {
                return java.util.Optional.of((ObjectNode) step);
            }
        }
        return java.util.Optional.empty();
    }

    private void close(String status, Instant at) {
        state.put("status", status);
        state.put("closedAt", at.toString());
        for (JsonNode step : state.get("steps")) {
            if ("OPEN".equals(step.path("status").asText())) {
                ((ObjectNode) step).put("status", "CLOSED");
            }
        }
    }
}
