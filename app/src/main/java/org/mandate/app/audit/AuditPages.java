package org.mandate.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.audit.AuditEntry;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.audit.AuditTrail;
import org.mandate.projections.ledger.Digest;
import org.mandate.projections.ledger.LedgerVerifier;
import org.mandate.app.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The auditor's pages, behind the session login; the same readers as the API, nothing that writes. */
@Controller
@Page
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditPages {

    static final int PAGE_ROWS = 200;

    private final AuditTrail trail;
    private final AuditExport export;
    private final RequestReplay replay;
    private final LedgerVerifier ledger;
    private final ObjectMapper json;

    AuditPages(AuditTrail trail, AuditExport export, RequestReplay replay, LedgerVerifier ledger, ObjectMapper json) {
        this.trail = trail;
        this.export = export;
        this.replay = replay;
        this.ledger = ledger;
        this.json = json;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) String requestId, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 Model model, HttpServletResponse response) {
        List<AuditEntry> entries = List.of();
        try {
            entries = trail.list(AuditController.query(requestId, actor, from, to, PAGE_ROWS + 1));
        } catch (RuleViolation invalid) {
            // the form again, the message next to the field it is about, and no rows that would look like an answer
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidField", invalid.properties().getOrDefault("field", "from"));
            model.addAttribute("invalid", invalid.getMessage());
        }
        model.addAttribute("more", entries.size() > PAGE_ROWS);
        model.addAttribute("entries", entries.subList(0, Math.min(PAGE_ROWS, entries.size())));
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
        ObjectNode frames = replay.replay(id, null);
        model.addAttribute("requestId", id.toString());
        model.addAttribute("requestTitle", frames.path("state").path("title").asText(id.toString()));
        // escaped so that no text typed into a request can close the script element it is embedded in
        model.addAttribute("framesJson", json.writeValueAsString(frames).replace("<", "\\u003c")
                .replace(">", "\\u003e").replace("&", "\\u0026"));
        return "audit/replay";
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
                model.addAttribute("invalid", "That is not a digest: a digest is the number of events, a colon and "
                        + "64 hexadecimal characters, as shown above (e.g. 42:9f86d0…0a08). Paste the whole value you "
                        + "kept.");
                model.addAttribute("kept", digest);
                return "audit/ledger";
            }
        }
        model.addAttribute("verification", ledger.verify(kept));
        return "audit/ledger";
    }
}
