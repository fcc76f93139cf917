package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mandate.projections.audit.AuditFields;

import java.time.Instant;

/**
 * A committee vote in the replay's state: the step's {@code vote} holds the rule, what is needed, each voter's
 * ballot as it stood after the event (a changed vote replaces the earlier one; the frames keep both) and, once the
 * aggregate recorded it, the quorum's outcome.
 */
final class VoteFold {

    private VoteFold() {
    }

    static void apply(String type, ObjectNode step, JsonNode payload, Instant at) {
        switch (type) {
            case "QuorumStepOpened" -> {
                step.put("assignee", AuditFields.text(payload.get("committeeId")));
                ObjectNode vote = step.putObject("vote");
                vote.put("committee", AuditFields.text(payload.get("committeeId")));
                vote.put("rule", AuditFields.text(payload.get("rule")));
                vote.put("needed", payload.path("needed").asInt());
                vote.put("leftOut", AuditFields.text(payload.get("leftOut")));
                ObjectNode ballots = vote.putObject("ballots");
                payload.path("voters").forEach(voter -> ballots.putNull(AuditFields.text(voter)));
            }
            case "VoteCast" -> ballots(step).putObject(AuditFields.text(payload.get("voter")))
                    .put("vote", AuditFields.text(payload.get("outcome")))
                    .put("votedBy", AuditFields.text(payload.get("votedBy")))
                    .put("mandateId", AuditFields.text(payload.get("mandateId")))
                    .put("rationale", AuditFields.text(payload.get("rationale")))
                    .put("at", at.toString());
            case "VoterRemoved" -> {
                ballots(step).remove(AuditFields.text(payload.get("voter")));
                ((ObjectNode) step.path("vote")).put("needed", payload.path("needed").asInt());
            }
            case "VoterReplaced" -> {
                ballots(step).remove(AuditFields.text(payload.get("voter")));
                ballots(step).putNull(AuditFields.text(payload.get("successor")));
            }
            case "QuorumMet", "QuorumFailed" -> {
                String outcome = type.equals("QuorumMet") ? "APPROVED" : "REJECTED";
                step.put("status", outcome);
                ObjectNode decision = step.putObject("decision");
                decision.put("outcome", outcome);
                decision.put("rationale", AuditFields.text(payload.get("reason")));
                decision.put("at", at.toString());
                ArrayNode by = decision.putArray(type.equals("QuorumMet") ? "approvedBy" : "rejectedBy");
                payload.path(type.equals("QuorumMet") ? "approvedBy" : "rejectedBy")
                        .forEach(person -> by.add(AuditFields.text(person)));
            }
            default -> {
            }
        }
    }

    private static ObjectNode ballots(ObjectNode step) {
        JsonNode vote = step.path("vote");
        return vote.isObject() && vote.path("ballots").isObject() ? (ObjectNode) vote.get("ballots")
                : step.putObject("vote").putObject("ballots");
    }
}
