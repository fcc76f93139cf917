package org.mandate.app.mail;

import org.mandate.app.web.Moments;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Times in a chat post, which goes to a shared channel rather than to a person: in the organisation's zone
 * (mandate.mail.zone) and English, e.g. "29 Nov 2026, 14:05 UTC". A mail speaks its recipient's ({@link MailVoice}).
 */
record MailTimes(ZoneId zone) {

    String at(Instant instant) {
        return Moments.when(instant, Locale.ENGLISH, zone);
    }
}
