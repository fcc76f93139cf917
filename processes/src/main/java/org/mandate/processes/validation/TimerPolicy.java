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
    Said check(String kind, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Said.of("timer.empty", "the timer has no value. Set a duration such as P2D (two days)");
        }
        if (ExpressionPolicy.mentionsExpression(text)) {
            return Said.of("timer.expression", "the timer '" + text + "' is an expression. Use a fixed ISO 8601 value "
                    + "such as P2D or PT4H", text);
        }
        return switch (kind) {
            case "timeDuration" -> checkDuration(text, false);
            case "timeCycle" -> checkCycle(text);
            default -> checkDate(text);
        };
    }

    private Said checkCycle(String text) {
        if (!text.startsWith("R")) {
            return Said.of("timer.cron", "the cycle '" + text + "' is not an ISO 8601 repetition. Write it as R3/PT4H "
                    + "(three times, every four hours); cron cycles are not accepted", text);
        }
        String[] parts = text.split("/");
        if (parts.length < 2 || !parts[0].matches("R\\d*")) {
            return Said.of("timer.notRepetition", "the cycle '" + text + "' is not an ISO 8601 repetition such as "
                    + "R3/PT4H", text);
        }
        return checkDuration(parts[parts.length - 1], true);
    }

    private Said checkDuration(String text, boolean repeats) {
        Duration duration = parse(text);
        if (duration == null) {
            return Said.of("timer.notDuration", "'" + text + "' is not an ISO 8601 duration. Write it like P2D (two "
                    + "days) or PT4H (four hours)", text);
        }
        if (duration.compareTo(minimum) < 0) {
            return Said.of(repeats ? "timer.repeatsTooOften" : "timer.tooShort", "the timer "
                    + (repeats ? "repeats every" : "waits") + " " + text + ", less than the minimum of " + minimum
                    + ". Choose " + minimum + " or longer", text, minimum.toString());
        }
        return null;
    }

    private static Said checkDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return null;
        } catch (DateTimeParseException e) {
            return Said.of("timer.notDate", "'" + text + "' is not an ISO 8601 date and time with offset, such as "
                    + "2027-01-31T17:00:00Z", text);
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
