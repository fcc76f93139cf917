package org.mandate.app.mail;

import org.mandate.app.problem.AppRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** For administrators: the notices, the failed ones above all (the mail server refused them for a day), and a retry. */
@RestController
@RequestMapping("/api/admin/mail/notices")
@PreAuthorize("hasRole('ADMIN')")
class MailAdminController {

    private static final int MAX_LIMIT = 500;

    private final MailNotices notices;
    private final Clock clock = Clock.systemUTC();

    MailAdminController(MailNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    List<MailNotices.Notice> notices(@RequestParam(required = false) String status,
                                     @RequestParam(defaultValue = "100") int limit) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !MailNotices.STATUSES.contains(wanted)) {
            throw AppRefusals.invalid("refusal.list.status", String.valueOf(MailNotices.STATUSES), status);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AppRefusals.invalid("refusal.list.limit", String.valueOf(MAX_LIMIT), String.valueOf(limit));
        }
        return notices.inStatus(wanted, limit);
    }

    /** Sends a failed notice again, with a fresh retry period. */
    @PostMapping("/{id}/retry")
    ResponseEntity<MailNotices.Notice> retry(@PathVariable String id) {
        MailNotices.Notice notice = id.length() > 36 ? null : notices.find(id);
        if (notice == null) {
            throw AppRefusals.notFound("refusal.mail.none", String.valueOf(id));
        }
        if (!notices.retry(id, clock.instant())) {
            throw AppRefusals.conflict("refusal.mail.notFailed", notice.status().toLowerCase(Locale.ROOT));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(notices.find(id));
    }
}
