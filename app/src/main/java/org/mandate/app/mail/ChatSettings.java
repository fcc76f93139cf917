package org.mandate.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code mandate.chat.*}: posting the organisation's request notices to a chat channel's incoming webhook. Off
 * while {@code url} is unset.
 *
 * @param url          the incoming-webhook URL (Slack, Teams, or anything taking their JSON); off when blank
 * @param format       {@code slack} ({@code {"text", "blocks"}}) or {@code teams} (an Adaptive Card message)
 * @param channel      a name for the channel, part of each post's key: one post per event and channel
 * @param pollInterval how often each node looks for posts to send
 * @param retryDelay   pause after a failed post, doubling per failure up to an hour
 * @param giveUpAfter  how long after queuing a post is retried before it is marked failed
 * @param timeout      connect and answer timeout of one post, well inside {@code claimFor}
 * @param claimFor     how long a node holds a post while sending it; if the node dies, another sends it after that
 */
@ConfigurationProperties("mandate.chat")
record ChatSettings(String url, String format, String channel, Duration pollInterval, Duration retryDelay,
                    Duration giveUpAfter, Duration timeout, Duration claimFor) {

    enum Format { SLACK, TEAMS }

    ChatSettings {
        url = url == null ? "" : url.strip();
        format = format == null || format.isBlank() ? "slack" : format.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("slack") && !format.equals("teams")) {
            throw new IllegalArgumentException("mandate.chat.format must be slack or teams; got '" + format + "'.");
        }
        channel = channel == null || channel.isBlank() ? "chat" : channel.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(1) : giveUpAfter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        claimFor = claimFor == null ? Duration.ofMinutes(2) : claimFor;
    }

    boolean on() {
        return !url.isEmpty();
    }

    Format shape() {
        return Format.valueOf(format.toUpperCase(Locale.ROOT));
    }

    Backoff backoff() {
        return new Backoff(retryDelay, giveUpAfter);
    }
}
