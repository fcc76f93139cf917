package org.mandate.app.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in a mail, in the organisation's zone (mandate.mail.zone), e.g. "29 Nov 2026, 14:05 UTC". */
record MailTimes(ZoneId zone) {

    String at(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH)
                .withZone(zone).format(instant);
    }
}
