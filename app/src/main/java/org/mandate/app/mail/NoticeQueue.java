package org.mandate.app.mail;

import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.notification.Delivery;
import org.mandate.projections.directory.DirectoryProjection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Whether and when a notice goes out by mail (never while mail is off and only chat is on): not to someone who has left or has no address, not for an event older than
 * max-age (turning mail on must not mail the history), not if they turned the kind off; at once, or with their
 * next digest.
 */
class NoticeQueue {

    private final MailNotices notices;
    private final MailPeople people;
    private final DirectoryProjection directory;
    private final MailSettings settings;
    private final Clock clock;
    private final boolean mailOn;

    NoticeQueue(MailNotices notices, MailPeople people, DirectoryProjection directory, MailSettings settings,
                Clock clock, boolean mailOn) {
        this.mailOn = mailOn;
        this.notices = notices;
        this.people = people;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the notice for an event that happened at {@code happenedAt}; true if it will be sent. */
    boolean offer(MailNotices.Queued notice, Instant happenedAt) {
        Instant now = clock.instant();
        if (!mailOn) {
            return false;
        }
        if (settings.tooOld(happenedAt, now)) {
            return false;
        }
        if (directory.find(PersonId.of(notice.recipient())).filter(Person::active).isEmpty()
                || people.address(notice.recipient()).isEmpty()) {
            return false;
        }
        MailPeople.Choice choice = people.choice(notice.recipient(), notice.kind());
        if (choice.delivery() == Delivery.OFF) {
            return false;
        }
        boolean digest = choice.delivery() == Delivery.DAILY_DIGEST;
        return notices.queue(notice, digest, now, digest ? nextDigest(now, choice.digestHour(), settings.zone()) : now);
    }

    /**
     * The next time the clock in the organisation's zone shows {@code hour}:00, after now. On a day the clocks skip
     * that hour, the hour after the gap.
     */
    static Instant nextDigest(Instant now, int hour, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.truncatedTo(ChronoUnit.DAYS).withHour(hour);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }
}
