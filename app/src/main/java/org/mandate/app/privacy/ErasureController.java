package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Forgetting a person who has left, with four eyes: one administrator asks (with the ground for it), another
 * approves, and the approval destroys the person's key. And subject access: an export of what is held about
 * someone. See docs/privacy.md.
 */
@RestController
class ErasureController {

    record ErasureBody(@NotBlank @Size(max = 500) String reason) {
    }

    private final Erasures erasures;
    private final DataExport export;

    ErasureController(Erasures erasures, DataExport export) {
        this.erasures = erasures;
        this.export = export;
    }

    /** Subject access: everything held about the person, in clear; the export is recorded with who made it. */
    @PostMapping("/api/people/{id}/data-export")
    @PreAuthorize("hasRole('ADMIN')")
    JsonNode dataExport(@PathVariable String id, Authentication user) {
        return export.export(id, user.getName());
    }

    /** Where the person's erasure stands: NONE, REQUESTED (who asked, why, when) or ERASED (and who approved). */
    @GetMapping("/api/people/{id}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    Erasures.ErasureStatus erasure(@PathVariable String id) {
        return erasures.status(id);
    }

    @PostMapping("/api/people/{id}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> requestErasure(@PathVariable String id, @Valid @RequestBody ErasureBody body,
                                       Authentication user) {
        erasures.request(id, body.reason(), user.getName());
        return Map.of("id", id, "status", "REQUESTED", "requestedBy", user.getName());
    }

    @PostMapping("/api/people/{id}/erasure/approval")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> approveErasure(@PathVariable String id, Authentication user) {
        erasures.approve(id, user.getName());
        return Map.of("id", id, "status", "ERASED", "approvedBy", user.getName());
    }
}
