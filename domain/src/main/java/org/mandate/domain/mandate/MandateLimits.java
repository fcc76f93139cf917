package org.mandate.domain.mandate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a standing mandate may run, set by the organisation ({@code mandate.mandates.max-length}): a mandate
 * without an end is authority nobody remembers giving. Counted in calendar terms in UTC, so P1Y is a year to the day.
 */
public record MandateLimits(Period maxLength) {

    public static final Period DEFAULT_MAX_LENGTH = Period.ofYears(1);

    public MandateLimits {
        Objects.requireNonNull(maxLength, "max length");
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("mandate.mandates.max-length must be positive, e.g. P1Y; was "
                    + maxLength);
        }
    }

    public static MandateLimits defaults() {
        return new MandateLimits(DEFAULT_MAX_LENGTH);
    }

    /** The latest end a mandate starting then may have; empty when the start is beyond any calendar. */
    Optional<Instant> latestEnd(Instant start) {
        try {
            return Optional.of(start.atZone(ZoneOffset.UTC).plus(maxLength).toInstant());
        } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
            return Optional.empty();
        }
    }
}
