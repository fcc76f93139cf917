package org.mandate.app.web;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people say them: "5 minutes", "due in 2 days", "29 Nov 2026, 14:05 UTC"; templates reach it as {@code @moments}. */
@Component("moments")
public final class Moments {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** For templates, which may not call static methods. */
    public String at(Instant instant) {
        return when(instant);
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** How long something has waited, e.g. "5 minutes". */
    public static String span(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        if (duration.isNegative()) {
            duration = duration.negated();
        }
        if (duration.toMinutes() < 1) {
            return "less than a minute";
        }
        if (duration.toHours() < 1) {
            return plural(duration.toMinutes(), "minute");
        }
        if (duration.toDays() < 1) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toDays(), "day");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
