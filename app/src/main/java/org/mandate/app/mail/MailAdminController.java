package org.mandate.app.mail;

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

/** For administrators: the notices, the failed ones above all (the mail server refused them for a day), and a retry. */
@RestController
@RequestMapping("/api/admin/mail/notices")
@PreAuthorize("hasRole('ADMIN')")
class MailAdminController {

    private final MailNotices notices;
    private final Clock clock = Clock.systemUTC();

    MailAdminController(MailNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    List<MailNotices.Notice> notices(@RequestParam(required = false) String status,
                                     @RequestParam(defaultValue = "100") int limit) {
        return NoticeAdmin.list(notices, status, limit);
    }

    /** Sends a failed notice again, with a fresh retry period. */
    @PostMapping("/{id}/retry")
    ResponseEntity<MailNotices.Notice> retry(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(NoticeAdmin.retry(notices, "mail", id, clock.instant()));
    }
}
