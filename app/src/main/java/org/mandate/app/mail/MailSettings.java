package org.mandate.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code mandate.mail.*}. Whether mail is sent at all is Spring Boot's {@code spring.mail.host}: set, it is on.
 *
 * @param from          the sender of every notice
 * @param zone          the time zone of digest hours, of times in a chat post, and of times in a mail to someone
 *                      who chose no zone of their own
 * @param dueSoon       a step this close to its due time brings a reminder (and another once overdue)
 * @param mandateEnding a standing mandate this close to its end tells its holder and its grantor
 * @param maxAge        events older than this are not mailed: turning mail on does not mail the history
 * @param linkValidity  how long a decide-from-the-mail link works after it was sent
 * @param pollInterval  how often each node looks for mail to send
 * @param reminderInterval how often each node looks for steps and mandates a reminder is due for
 * @param retryDelay    pause after a failed send, doubling per failure up to an hour
 * @param giveUpAfter   how long after queuing a notice is retried before it is marked failed
 * @param claimFor      how long a node holds a notice it is sending; a node that dies holding one delays it this
 *                      long, and the survivor then sends it (again, if the dead node had sent it already)
 */
@ConfigurationProperties("mandate.mail")
record MailSettings(String from, ZoneId zone, Duration dueSoon, Duration mandateEnding, Duration maxAge,
                    Duration linkValidity, Duration pollInterval, Duration reminderInterval, Duration retryDelay,
                    Duration giveUpAfter, Duration claimFor) {

    MailSettings {
        from = from == null || from.isBlank() ? "Mandate <mandate@localhost>" : from;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        dueSoon = dueSoon == null ? Duration.ofHours(4) : dueSoon;
        mandateEnding = mandateEnding == null ? Duration.ofDays(2) : mandateEnding;
        maxAge = maxAge == null ? Duration.ofDays(1) : maxAge;
        linkValidity = linkValidity == null ? Duration.ofDays(7) : linkValidity;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        reminderInterval = reminderInterval == null ? Duration.ofMinutes(1) : reminderInterval;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(1) : giveUpAfter;
        claimFor = claimFor == null ? Duration.ofMinutes(2) : claimFor;
    }

    /** An event this old is not told by mail or chat: turning either on must not send the history. */
    boolean tooOld(Instant happenedAt, Instant now) {
        return happenedAt != null && happenedAt.isBefore(now.minus(maxAge));
    }

    Backoff backoff() {
        return new Backoff(retryDelay, giveUpAfter);
    }
}
