package org.mandate.app.mail;

import org.mandate.app.PeriodicTask;
import org.mandate.app.PeriodicWork;
import org.mandate.app.web.People;
import org.mandate.domain.notification.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Queues a reminder when a step comes within due-soon of its due time and another once it is overdue, to whoever
 * holds it, and for a committee vote to each voter who has not voted yet. Each pass reads only the steps whose due time is in that window (an index on due_at), never every
 * open step. A reminder's id is the step and its due time, so repeated passes, restarts and other nodes add
 * nothing twice; a step that arrived after its due time (escalated because it was late) gets no overdue reminder.
 */
class Reminders extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private static final int BATCH = 100;

    private final MailNotices notices;
    private final NoticeQueue queue;
    private final ChatQueue chat;
    private final MailSettings settings;
    private final People people;
    private final MailTimes times;
    private final MailVoice voices;
    private final VoteNotices votes;
    private final Clock clock;

    Reminders(MailNotices notices, NoticeQueue queue, ChatQueue chat, MailSettings settings, People people,
              MailTimes times, MailVoice voices, VoteNotices votes, Clock clock) {
        this.votes = votes;
        this.notices = notices;
        this.queue = queue;
        this.chat = chat;
        this.settings = settings;
        this.people = people;
        this.times = times;
        this.voices = voices;
        this.clock = clock;
    }

    /** Each node looks every reminder-interval, for mail and chat alike. */
    @Override
    protected PeriodicTask schedule() {
        return PeriodicTask.start("reminders", settings.reminderInterval(),
                settings.reminderInterval(), () -> {
                    try {
                        queueDue();
                    } catch (RuntimeException failure) {
                        log.warn("Looking for due reminders failed; trying again in {}", settings.reminderInterval(),
                                failure);
                    }
                });
    }

    void queueDue() {
        Instant now = clock.instant();
        for (MailNotices.DueStep step : notices.dueSoon(now, now.plus(settings.dueSoon()), BATCH)) {
            remind(step, false, now);
        }
        for (MailNotices.DueStep step : notices.overdue(now.minus(settings.maxAge()), now, BATCH)) {
            remind(step, true, step.dueAt());
        }
        for (MailNotices.DueStep seat : notices.seats().dueSoon(now, now.plus(settings.dueSoon()), BATCH)) {
            votes.remind(seat, false, now);
        }
        for (MailNotices.DueStep seat : notices.seats().overdue(now.minus(settings.maxAge()), now, BATCH)) {
            votes.remind(seat, true, seat.dueAt());
        }
        for (MailNotices.EndingMandate mandate : notices.endingMandates(now, now.plus(settings.mandateEnding()),
                BATCH)) {
            ending(mandate, now);
        }
    }

    /** The holder loses the right to decide, the grantor may want to renew it: both hear of it once. */
    private void ending(MailNotices.EndingMandate mandate, Instant now) {
        String eventId = "mandate-ending/" + mandate.id() + "/" + mandate.validUntil().getEpochSecond();
        String principal = people.name(mandate.principal());
        MailVoice.Voice holder = voices.of(mandate.holder());
        String until = holder.at(mandate.validUntil());
        queue.offer(new MailNotices.Queued(eventId, mandate.holder(), NoticeKind.MANDATE_GRANTED, null, null,
                holder.text("mail.ending.headline", principal, until),
                holder.text("mail.ending", people.name(mandate.grantor()), until, principal),
                mandate.validUntil()), now);
        MailVoice.Voice grantor = voices.of(mandate.grantor());
        until = grantor.at(mandate.validUntil());
        queue.offer(new MailNotices.Queued(eventId, mandate.grantor(), NoticeKind.MANDATE_GRANTED, null, null,
                grantor.text("mail.ending.grantor.headline", people.name(mandate.holder()), until),
                grantor.text("mail.ending.grantor", people.name(mandate.holder()), principal, until),
                mandate.validUntil()), now);
        notices.mandateReminded(mandate.id());
    }

    private void remind(MailNotices.DueStep step, boolean overdue, Instant happenedAt) {
        MailNotices.RequestFacts request = notices.request(step.requestId());
        if (request != null) {
            String about = "‘" + request.title() + "’ from " + people.name(request.requester());
            String eventId = (overdue ? "overdue/" : "due-soon/") + step.stepId() + "/" + step.dueAt().getEpochSecond();
            String holder = people.name(step.holder());
            chat.offer(new ChatNotices.Post(eventId, ChatNotices.REMINDER, step.requestId(), step.stepId(),
                    step.holder(), (overdue ? "Overdue with " : "Due soon for ") + holder + ": " + about, overdue
                    ? "It was due " + times.at(step.dueAt()) + " and still waits for " + holder + "'s decision."
                    : "It is due " + times.at(step.dueAt()) + " and waits for " + holder + "'s decision.",
                    step.dueAt()), happenedAt);
            MailVoice.Voice voice = voices.of(step.holder());
            String when = overdue ? "overdue" : "dueSoon";
            queue.offer(new MailNotices.Queued(eventId, step.holder(), NoticeKind.REMINDER, step.requestId(),
                    step.stepId(), voice.text("mail.reminder.headline." + when,
                    voice.about(request.title(), people.name(request.requester()))),
                    voice.text("mail.reminder." + when, voice.at(step.dueAt())), step.dueAt()), happenedAt);
        }
        notices.reminded(step.stepId(), overdue);
    }
}
