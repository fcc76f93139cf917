package org.mandate.app.web;

import org.mandate.app.web.voice.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people say them, in the page's language and the person's time zone: "7 Dec 2026, 14:05 CET",
 * "7. Dez. 2026, 14:05 MEZ", "5 minutes", "due in 2 days"; templates reach it as {@code @moments}. Outside a
 * request (a job): English and the server's zone; a mail passes its recipient's language and zone instead.
 */
@Component("moments")
public final class Moments {

    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d. MMM yyyy, HH:mm z", Locale.GERMAN);

    /** For templates, which may not call static methods. */
    public String at(Instant instant) {
        return when(instant);
    }

    public static String when(Instant instant) {
        return when(instant, Messages.locale(), zone());
    }

    /** The same for someone not on a page, e.g. a mail's recipient, in their language and zone. */
    public static String when(Instant instant, Locale language, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter format = "de".equals(language.getLanguage()) ? GERMAN : ENGLISH;
        return format.withZone(zone).format(instant);
    }

    /** A calendar day, "14 Dec 2026" / "14. Dez. 2026". */
    public static String day(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern("de".equals(Messages.locale().getLanguage())
                ? "d. MMM yyyy" : "d MMM yyyy", Messages.locale()).format(day);
    }

    /** The person's zone on a page (their choice, else the organisation's); the server's outside a request. */
    public static ZoneId zone() {
        return LocaleContextHolder.getLocaleContext() == null ? ZoneId.systemDefault()
                : LocaleContextHolder.getTimeZone().toZoneId();
    }

    /** How long something has waited, e.g. "5 minutes". */
    public static String span(Instant from, Instant to) {
        return span("moment.", from, to);
    }

    /** How long ago, e.g. "5 minutes ago", "vor 2 Tagen". */
    public static String ago(Instant then, Instant now) {
        return Messages.of("moment.ago", spanSince(then, now));
    }

    /**
     * How long since, to follow "since": "5 minutes", "2 days"; in German the dative "2 Tagen", as in
     * "seit 2 Tagen".
     */
    public static String spanSince(Instant then, Instant now) {
        return span("moment.ago.", then, now);
    }

    private static String span(String keys, Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        if (duration.isNegative()) {
            duration = duration.negated();
        }
        if (duration.toMinutes() < 1) {
            return Messages.of(keys + "lessThanAMinute");
        }
        if (duration.toHours() < 1) {
            return Messages.of(keys + "minutes", duration.toMinutes());
        }
        if (duration.toDays() < 1) {
            return Messages.of(keys + "hours", duration.toHours());
        }
        return Messages.of(keys + "days", duration.toDays());
    }

    /** "due in 2 days". */
    public static String dueIn(Instant now, Instant due) {
        return Messages.of("moment.dueIn", span(now, due));
    }

    /** "overdue by 5 minutes". */
    public static String overdueBy(Instant due, Instant now) {
        return Messages.of("moment.overdueBy", span(due, now));
    }
}
