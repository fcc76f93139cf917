package org.mandate.app.mail;

import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.mandate.app.web.People;
import org.mandate.app.web.voice.Amounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * On every node, every poll interval: posts what is due to the chat channel. A post is claimed in the database
 * first, so one node posts it, and marked sent after the chat server answered 2xx, so a crash in between posts it
 * once more (never lost, at most one duplicate). Anything else is retried with backoff, then marked failed for an
 * administrator; none of it touches a command.
 */
class ChatDispatcher extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(ChatDispatcher.class);
    private static final int BATCH = 50;

    private final ChatNotices chat;
    private final MailNotices notices;
    private final ChatSettings settings;
    private final ChatPoster poster;
    private final OutboxMetrics metrics;
    private final People people;
    private final MailTimes times;
    private final String publicUrl;
    private final Clock clock;

    ChatDispatcher(ChatNotices chat, MailNotices notices, ChatSettings settings, OutboxMetrics metrics, People people,
                   MailTimes times, String publicUrl, Clock clock) {
        this.chat = chat;
        this.notices = notices;
        this.settings = settings;
        this.poster = new ChatPoster(settings.timeout());
        this.metrics = metrics;
        this.people = people;
        this.times = times;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    @Override
    protected PeriodicTask schedule() {
        return PeriodicTask.start("chat-dispatcher", settings.pollInterval(), settings.pollInterval(), this::poll);
    }

    void poll() {
        try {
            for (String noticeId : chat.due(clock.instant(), BATCH)) {
                String claim = UUID.randomUUID().toString();
                Instant now = clock.instant();
                ChatNotices.Notice notice = chat.claim(noticeId, claim, now, now.plus(settings.claimFor()));
                if (notice != null) {
                    send(claim, notice);
                }
            }
        } catch (RuntimeException failure) {
            log.warn("Looking for chat posts to send failed; trying again in {}", settings.pollInterval(), failure);
        }
    }

    private void send(String claim, ChatNotices.Notice notice) {
        if (!stillCurrent(notice)) {
            // the step moved on (decided, lent, escalated) before the post went: posting would only mislead
            chat.skipped(claim, clock.instant());
            metrics.outcome("skipped");
            return;
        }
        Integer status = null;
        String error;
        try {
            status = poster.post(URI.create(settings.url()), ChatMessages.render(message(notice), settings.shape()));
            if (status >= 200 && status < 300) {
                chat.sent(claim, status, clock.instant());
                metrics.outcome("sent");
                return;
            }
            error = "the chat server answered " + status;
        } catch (IOException | IllegalArgumentException unreachable) {
            error = "no answer: " + unreachable;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant now = clock.instant();
        Instant next = settings.backoff().next(notice.attempts() + 1, notice.createdAt(), now);
        chat.failed(claim, status, error, now, next);
        metrics.outcome(next == null ? "failed" : "retry");
        log.warn("Chat post {} not sent ({}); {}", notice.id(), error,
                next == null ? "given up" : "trying again at " + next);
    }

    ChatMessages.Message message(ChatNotices.Notice notice) {
        MailNotices.RequestFacts request = notice.requestId() == null ? null : notices.request(notice.requestId());
        return new ChatMessages.Message(notice.headline(), request == null ? null : request.title(),
                request == null ? null : people.name(request.requester()),
                request == null ? null : Amounts.format(request.amount(), request.currency(), Locale.ENGLISH),
                notice.reason(),
                notice.dueAt() == null ? null : times.at(notice.dueAt()),
                notice.requestId() == null ? null : publicUrl + "/requests/" + notice.requestId());
    }

    /**
     * A post about a step still matters while the step is with the person it names; one about a committee vote (no
     * single holder) while someone still has to vote on it.
     */
    private boolean stillCurrent(ChatNotices.Notice notice) {
        if (notice.stepId() == null || (!notice.kind().equals(ChatNotices.STEP_ARRIVED)
                && !notice.kind().equals(ChatNotices.REMINDER))) {
            return true;
        }
        MailNotices.DueStep step = notices.step(notice.stepId());
        return step != null ? step.holder().equals(notice.person()) : notices.seats().open(notice.stepId());
    }
}
