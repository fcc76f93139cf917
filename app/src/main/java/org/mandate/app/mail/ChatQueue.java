package org.mandate.app.mail;

import java.time.Clock;
import java.time.Instant;

/**
 * Queues a post for the organisation's chat channel, when chat is on: once per event and channel, and not for an
 * event older than max-age (turning chat on does not post the history). Personal choices (at once, digest, off)
 * are about a person's own mail; what a shared channel hears is the organisation's setting.
 */
class ChatQueue {

    private final ChatNotices notices;
    private final ChatSettings settings;
    private final MailSettings mail;
    private final Clock clock;

    ChatQueue(ChatNotices notices, ChatSettings settings, MailSettings mail, Clock clock) {
        this.notices = notices;
        this.settings = settings;
        this.mail = mail;
        this.clock = clock;
    }

    boolean offer(ChatNotices.Post post, Instant happenedAt) {
        Instant now = clock.instant();
        if (!settings.on() || mail.tooOld(happenedAt, now)) {
            return false;
        }
        return notices.queue(post, settings.channel(), now);
    }
}
