package org.mandate.app.audit;

import org.mandate.app.web.voice.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.audit.AuditEntry;
import org.mandate.projections.audit.AuditFields;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.audit.AuditTrail;
import org.mandate.projections.ledger.Digest;
import org.mandate.projections.ledger.LedgerVerifier;
import org.mandate.app.web.Moments;
import org.mandate.app.web.Page;
import org.mandate.app.web.People;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The auditor's pages, behind the session login; the same readers as the API, nothing that writes. */
@Controller
@Page
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditPages {

    /** Rows per page of the trail: enough to read, few enough to tab through. */
    static final int PAGE_ROWS = 50;

    private final AuditTrail trail;
    private final AuditExport export;
    private final RequestReplay replay;
    private final LedgerVerifier ledger;
    private final ObjectMapper json;
    private final AuditText words;
    private final People people;

    AuditPages(AuditTrail trail, AuditExport export, RequestReplay replay, LedgerVerifier ledger, ObjectMapper json,
               AuditText words, People people) {
        this.words = words;
        this.people = people;
        this.trail = trail;
        this.export = export;
        this.replay = replay;
        this.ledger = ledger;
        this.json = json;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) String requestId, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) Long after, Model model, HttpServletResponse response) {
        List<AuditEntry> entries = List.of();
        try {
            AuditQuery query = AuditController.query(requestId, actor, from, to, PAGE_ROWS + 1);
            entries = trail.list(after == null ? query : query.after(after));
        } catch (RuleViolation invalid) {
            // the form again, the message next to the field it is about, and no rows that would look like an answer
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidField", invalid.properties().getOrDefault("field", "from"));
            model.addAttribute("invalid", invalid.message(Messages.locale()));
        }
        List<AuditEntry> page = entries.subList(0, Math.min(PAGE_ROWS, entries.size()));
        // the next page starts after this page's last event; a link, so the page stays shareable and bookmarkable
        model.addAttribute("next", entries.size() > PAGE_ROWS ? page.get(page.size() - 1).globalIndex() : null);
        model.addAttribute("after", after);
        model.addAttribute("entries", page);
        model.addAttribute("titles", trail.titles(page.stream().map(AuditEntry::requestId).toList()));
        model.addAttribute("requestId", requestId);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/trail";
    }

    @GetMapping("/audit/events.csv")
    void csv(@RequestParam(required = false) String requestId, @RequestParam(required = false) String actor,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             HttpServletResponse response) throws IOException {
        AuditQuery query = AuditController.query(requestId, actor, from, to, null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"mandate-audit.csv\"");
        export.csv(query, response.getOutputStream());
    }

    @GetMapping("/audit/requests/{id}")
    String replay(@PathVariable UUID id, Model model) throws IOException {
        ObjectNode frames = inWords(replay.replay(id, null));
        model.addAttribute("requestId", id.toString());
        model.addAttribute("requestTitle", frames.path("state").path("title").asText(id.toString()));
        // escaped so that no text typed into a request can close the script element it is embedded in
        model.addAttribute("framesJson", json.writeValueAsString(frames).replace("<", "\\u003c")
                .replace(">", "\\u003e").replace("&", "\\u0026"));
        return "audit/replay";
    }

    /**
     * The replay as the API answers it keeps type names, instants and ids; the page adds what a person reads beside
     * them, in the trail's words: the event in words, the moment in the server's zone, names for ids, the mandate by
     * its grantor and scope, the path by name and version.
     */
    private ObjectNode inWords(ObjectNode replayed) {
        ObjectNode names = replayed.putObject("names");
        for (JsonNode frame : replayed.path("frames")) {
            ObjectNode event = (ObjectNode) frame.path("event");
            String type = event.path("type").asText();
            String actor = people.name(event.path("actor").asText(null));
            event.put("words", switch (type) {
                case "RequestCommented" -> Messages.of("replay.commented", actor);
                case "AttachmentAdded" -> Messages.of(event.path("payload").hasNonNull("supersedes")
                        ? "replay.attached.superseding" : "replay.attached", actor,
                        event.path("payload").path("fileName").asText());
                case "MoreInformationRequested" -> Messages.of("replay.sentBack", actor);
                case "MoreInformationProvided" -> Messages.of(event.path("payload").hasNonNull("title")
                        || event.path("payload").hasNonNull("description") ? "replay.answered.amended"
                        : "replay.answered", actor);
                case "RequesterLeftBeforeAnswering" -> Messages.of("replay.leftBeforeAnswering",
                        people.name(AuditFields.text(event.path("payload").get("requester"))), actor);
                case "VoteCast" -> voteInWords(event.path("payload"), actor);
                case "QuorumMet", "QuorumFailed" -> Messages.of(type.equals("QuorumMet") ? "replay.quorumMet"
                        : "replay.quorumFailed", AuditFields.text(event.path("payload").get("rule"))); // no actor
                default -> actor.isEmpty() ? words.event(type) : Messages.of("replay.by", words.event(type), actor);
            });
            event.put("when", Moments.when(instant(event.path("at"))));
            event.put("actorName", actor);
            event.put("onBehalfOfName", people.name(event.path("onBehalfOf").asText(null)));
            event.put("mandate", words.mandate(event.path("mandateId").asText(null)));
            event.put("path", words.path(event.path("processVersion").asText(null)));
            for (JsonNode comment : frame.path("state").path("comments")) {
                ((ObjectNode) comment).put("when", Moments.when(instant(comment.path("at"))));
            }
            for (JsonNode question : frame.path("state").path("questions")) {
                ((ObjectNode) question).put("askedWhen", Moments.when(instant(question.path("askedAt"))));
                if (question.hasNonNull("answeredAt")) {
                    ((ObjectNode) question).put("answeredWhen", Moments.when(instant(question.path("answeredAt"))));
                }
                name(names, question.path("askedBy"));
                name(names, question.path("onBehalfOf"));
            }
            for (JsonNode attachment : frame.path("state").path("attachments")) {
                ((ObjectNode) attachment).put("when", Moments.when(instant(attachment.path("at"))));
                name(names, attachment.path("by"));
            }
            for (JsonNode step : frame.path("state").path("steps")) {
                ((ObjectNode) step).put("path", words.path(step.path("pathVersion").asText(null)));
            }
            frame.findValues("mentions").forEach(ids -> ids.forEach(id -> name(names, id)));
            frame.findValues("requester").forEach(id -> name(names, id));
            frame.findValues("assignee").forEach(id -> name(names, id));
            frame.findValues("decidedBy").forEach(id -> name(names, id));
            frame.findValues("onBehalfOf").forEach(id -> name(names, id));
            frame.findValues("by").forEach(id -> name(names, id));
            frame.findValues("from").forEach(id -> name(names, id));
            frame.findValues("to").forEach(id -> name(names, id));
            frame.findValues("principal").forEach(id -> name(names, id));
            frame.findValues("votedBy").forEach(id -> name(names, id));
            frame.findValues("ballots").forEach(ballots -> ballots.fieldNames()
                    .forEachRemaining(id -> names.put(id, people.name(id))));
            frame.path("inForce").path("authority").fieldNames().forEachRemaining(id -> names.put(id, people.name(id)));
            for (JsonNode mandate : frame.path("inForce").path("mandates")) {
                ((ObjectNode) mandate).put("words", words.mandate(mandate.path("mandateId").asText(null)));
            }
        }
        return replayed;
    }

    /** "Pat Okafor voted to approve", "Liam Chen voted to reject for Pat Okafor, changing the vote". */
    private String voteInWords(JsonNode payload, String actor) {
        String voter = AuditFields.text(payload.get("voter"));
        String votedBy = AuditFields.text(payload.get("votedBy"));
        return Messages.of("APPROVED".equals(AuditFields.text(payload.get("outcome"))) ? "replay.voted.APPROVED"
                : "replay.voted.REJECTED", actor)
                + (voter != null && !voter.equals(votedBy) ? Messages.of("replay.voted.for", people.name(voter)) : "")
                + (payload.hasNonNull("replaces") ? Messages.of("replay.voted.changing") : "");
    }

    private void name(ObjectNode names, JsonNode id) {
        if (id.isTextual() && !id.asText().isBlank()) {
            names.put(id.asText(), people.name(id.asText()));
        }
    }

    private static Instant instant(JsonNode at) {
        try {
            return at.isTextual() ? Instant.parse(at.asText()) : null;
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    @GetMapping("/audit/ledger")
    String ledger(@RequestParam(required = false) String digest, Model model, HttpServletResponse response) {
        model.addAttribute("digest", ledger.digest());
        model.addAttribute("kept", digest);
        Digest.Kept kept = null;
        if (digest != null && !digest.isBlank()) {
            try {
                kept = Digest.Kept.parse(digest);
            } catch (RuleViolation malformed) {
                // a mistyped digest is an input error, not evidence of tampering: say so, and check nothing against it
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("invalid", Messages.of("refusal.audit.notADigest"));
                model.addAttribute("kept", digest);
                return "audit/ledger";
            }
        }
        model.addAttribute("verification", ledger.verify(kept));
        return "audit/ledger";
    }
}
