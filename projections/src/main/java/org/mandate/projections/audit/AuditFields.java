package org.mandate.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Picks the fields an auditor asks about out of any event payload, by name, so that event types added later
 * appear in the trail without code here. Typed ids are stored as {@code {"value": ...}} and are unwrapped.
 */
public record AuditFields(String actor, String onBehalfOf, String mandateId, String requestId, String stepId,
                          String rationale, String processVersion) {

    /** Who acted, most specific first: the decider before the requester of the request decided on. */
    static final List<String> ACTOR = List.of("decidedBy", "votedBy", "by", "delegatedBy", "escalatedBy", "revokedBy",
            "recordedBy", "deployedBy", "boundBy", "unboundBy", "formedBy", "addedBy", "removedBy", "setBy",
            "dissolvedBy", "askedBy", "grantor", "from", "actor", "requester");
    static final List<String> ON_BEHALF_OF = List.of("onBehalfOf");
    static final List<String> MANDATE = List.of("mandateId");
    static final List<String> REQUEST = List.of("requestId");
    static final List<String> STEP = List.of("stepId");
    /** What was said: a decision's rationale, a move's reason or note, a comment's text, a question, an answer. */
    static final List<String> RATIONALE = List.of("rationale", "reason", "note", "text", "question", "answer");
    static final List<String> PROCESS_VERSION = List.of("pathVersion", "processDefinitionId", "processVersion");

    public static AuditFields of(JsonNode payload) {
        return new AuditFields(first(payload, ACTOR), first(payload, ON_BEHALF_OF), first(payload, MANDATE),
                first(payload, REQUEST), first(payload, STEP), first(payload, RATIONALE),
                first(payload, PROCESS_VERSION));
    }

    /** The first of the named fields that holds a value, as text. */
    public static String first(JsonNode payload, List<String> names) {
        for (String name : names) {
            String value = text(payload.get(name));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A scalar as text, a typed id through its single {@code value}, anything else as null. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() && node.size() == 1 && node.has("value")) {
            return text(node.get("value"));
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
