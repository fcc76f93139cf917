package org.mandate.app.privacy;

import org.mandate.app.problem.AppRefusals;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Re-encryption of a store written before personal data was sealed (docs/privacy.md, "Existing stores"): run once
 * by an administrator, on one node, with the reason on record; the records of past runs.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ReencryptionController {

    record ReencryptionBody(String reason) {
    }

    private final Reencryption reencryption;

    ReencryptionController(Reencryption reencryption) {
        this.reencryption = reencryption;
    }

    /** Seals what is still in clear and re-chains the ledger; answers when done, with the record. */
    @PostMapping("/api/admin/re-encryption")
    Reencryption.Record run(@RequestBody ReencryptionBody body, Authentication user) {
        // checked here, after the role: who may not re-encrypt learns nothing about the body
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw AppRefusals.invalid("refusal.reencryption.reason");
        }
        return reencryption.run(user.getName(), reason);
    }

    @GetMapping("/api/admin/re-encryption")
    List<Reencryption.Record> records() {
        return reencryption.records();
    }
}
