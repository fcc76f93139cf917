package org.mandate.app.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.ledger.Digest;
import org.mandate.projections.ledger.LedgerVerifier;
import org.mandate.projections.ledger.Verification;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/** Read-only: nothing here sends a command or writes a row. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditController {

    static final int MAX_LIMIT = 1_000_000_000;

    private final AuditExport export;
    private final LedgerVerifier ledger;
    private final RequestReplay replay;
    private final ProcessPaths paths;

    AuditController(AuditExport export, LedgerVerifier ledger, RequestReplay replay, ProcessPaths paths) {
        this.export = export;
        this.ledger = ledger;
        this.replay = replay;
        this.paths = paths;
    }

    /** Every event matching the filters, oldest first, streamed as a JSON array. */
    @GetMapping("/events")
    void events(@RequestParam(required = false) String requestId, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer limit, HttpServletResponse response) throws IOException {
        AuditQuery query = query(requestId, actor, from, to, limit);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        export.json(query, response.getOutputStream());
    }

    @GetMapping("/events.csv")
    void eventsCsv(@RequestParam(required = false) String requestId, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) Integer limit, HttpServletResponse response) throws IOException {
        AuditQuery query = query(requestId, actor, from, to, limit);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"mandate-audit.csv\"");
        export.csv(query, response.getOutputStream());
    }

    @GetMapping("/requests/{id}/replay")
    ObjectNode replay(@PathVariable UUID id, @RequestParam(required = false) String asOf) {
        return replay.replay(id, Instants.parse("asOf", asOf));
    }

    @GetMapping("/digest")
    Digest digest() {
        return ledger.digest();
    }

    @GetMapping("/verification")
    Verification verification(@RequestParam(required = false) String digest) {
        return ledger.verify(digest == null || digest.isBlank() ? null : Digest.Kept.parse(digest));
    }

    /** The BPMN of the path version a step ran on ({@code pathVersion} in the replay). */
    @GetMapping(value = "/paths/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    String path(@PathVariable String definitionId) {
        return paths.xml(definitionId);
    }

    static AuditQuery query(String requestId, String actor, String from, String to, Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw AppRefusals.invalid("refusal.audit.limit", String.valueOf(MAX_LIMIT));
        }
        AuditQuery query = new AuditQuery(blankToNull(requestId), blankToNull(actor), Instants.parse("from", from),
                Instants.parse("to", to), limit);
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw AppRefusals.invalid("refusal.audit.fromTo", String.valueOf(query.from()), String.valueOf(query.to()))
                    .with("field", "to");
        }
        return query;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
