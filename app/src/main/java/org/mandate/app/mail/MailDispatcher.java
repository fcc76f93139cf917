package org.mandate.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.mandate.domain.notification.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * On every node, every poll interval: sends notices that go at once (reminders are queued by {@link Reminders}), and
 * sends the digests whose hour has come. A notice is claimed in the database before it is sent, so one node sends
 * it; it is marked sent after the mail server took it, so a crash in between sends it once more (never lost, at
 * most one duplicate). A failing server delays mail, retried with backoff; it never touches a decision.
 */
class MailDispatcher extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    private final MailNotices notices;
    private final MailComposer composer;
    private final MailPeople people;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final OutboxMetrics metrics;
    private final Clock clock;

    MailDispatcher(MailNotices notices, MailComposer composer, MailPeople people,
                   JavaMailSender sender, MailSettings settings, OutboxMetrics metrics, Clock clock) {
        this.notices = notices;
        this.composer = composer;
        this.people = people;
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected PeriodicTask schedule() {
        return PeriodicTask.start("mail-dispatcher", settings.pollInterval(), settings.pollInterval(), this::poll);
    }

    void poll() {
        try {
            for (String noticeId : notices.dueAtOnce(clock.instant(), BATCH)) {
                String claim = UUID.randomUUID().toString();
                Instant now = clock.instant();
                if (notices.claim(noticeId, claim, now, now.plus(settings.claimFor()))) {
                    send(claim, false);
                }
            }
            for (String recipient : notices.digestsDue(clock.instant(), BATCH)) {
                String claim = UUID.randomUUID().toString();
                Instant now = clock.instant();
                notices.claimDigest(recipient, claim, now, now.plus(settings.claimFor()));
                send(claim, true);
            }
        } catch (RuntimeException failure) {
            log.warn("Looking for mail to send failed; trying again in {}", settings.pollInterval(), failure);
        }
    }

    private void send(String claim, boolean digest) {
        List<MailNotices.Notice> batch = notices.claimed(claim);
        if (batch.isEmpty()) {
            return;
        }
        String recipient = batch.get(0).recipient();
        List<MailNotices.Notice> current = batch.stream().filter(notice -> stillCurrent(notice, recipient)).toList();
        String address = people.address(recipient).orElse(null);
        if (current.isEmpty() || address == null) {
            // the step moved on (decided, lent, escalated) before the mail went: telling would only mislead
            notices.skipped(claim, clock.instant());
            metrics.outcome("skipped");
            return;
        }
        try {
            MailComposer.Mail mail = composer.compose(recipient, current, digest);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(address);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("X-Mandate-Notices", String.join(",", current.stream()
                    .map(MailNotices.Notice::id).toList()));
            sender.send(message);
            notices.sent(claim, clock.instant());
            metrics.outcome("sent");
        } catch (MailException | MessagingException failure) {
            MailNotices.Notice first = batch.get(0);
            Instant now = clock.instant();
            Instant next = settings.backoff().next(first.attempts() + 1, first.createdAt(), now);
            notices.failed(claim, failure.toString(), now, next);
            metrics.outcome(next == null ? "failed" : "retry");
            log.warn("Mail to {} not sent ({}); {}", recipient, failure.getMessage(),
                    next == null ? "given up" : "trying again at " + next);
        }
    }

    /** A step notice still matters while the step is with the person. */
    private boolean stillCurrent(MailNotices.Notice notice, String recipient) {
        if (notice.stepId() == null
                || (notice.kind() != NoticeKind.STEP_ARRIVED && notice.kind() != NoticeKind.REMINDER)) {
            return true;
        }
        return notices.openFor(notice.stepId(), MailNotices.heldBy(notice)) != null;
    }
}
