package org.mandate.processes.validation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * Timers must be fixed ISO 8601 values at or above a minimum. Expressions and cron cycles are refused: the first
 * is code, the second is easy to get dangerously fast ("every second") and hard for a process owner to read.
 */
final class TimerPolicy {

    private final Duration minimum;

    TimerPolicy(Duration minimum) {
        this.minimum = minimum;
    }

    /** Null if the timer is acceptable, else why it is not. {@code kind} is timeDuration, timeCycle or timeDate. */
    String check(String kind, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return "the timer has no value. Set a duration such as P2D (two days)";
        }
        if (ExpressionPolicy.mentionsExpression(text)) {
            return "the timer '" + text + "' is an expression. Use a fixed ISO 8601 value such as P2D or PT4H";
        }
        return switch (kind) {
            case "timeDuration" -> checkDuration(text, "waits");
            case "timeCycle" -> checkCycle(text);
            default -> checkDate(text);
        };
    }

    private String checkCycle(String text) {
        if (!text.startsWith("R")) {
            return "the cycle '" + text + "' is not an ISO 8601 repetition. Write it as R3/PT4H (three times, "
                    + "every four hours); cron cycles are not accepted";
        }
        String[] parts = text.split("/");
        if (parts.length < 2 || !parts[0].matches("R\\d*")) {
            return "the cycle '" + text + "' is not an ISO 8601 repetition such as R3/PT4H";
        }
        return checkDuration(parts[parts.length - 1], "repeats every");
    }

    private String checkDuration(String text, String verb) {
        Duration duration = parse(text);
        if (duration == null) {
            return "'" + text + "' is not an ISO 8601 duration. Write it like P2D (two days) or PT4H (four hours)";
        }
        if (duration.compareTo(minimum) < 0) {
            return "the timer " + verb + " " + text + ", less than the minimum of " + minimum
                    + ". Choose " + minimum + " or longer";
        }
        return null;
    }

    private static String checkDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return null;
        } catch (DateTimeParseException e) {
            return "'" + text + "' is not an ISO 8601 date and time with offset, such as 2027-01-31T17:00:00Z";
        }
    }

    private static Duration parse(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notTimeBased) {
            try {
                Period period = Period.parse(text);
                // months and years vary in length; their shortest length is enough for a lower bound
                return period.isNegative() ? Duration.ZERO
                        : Duration.ofDays(period.getYears() * 365L + period.getMonths() * 28L + period.getDays());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
