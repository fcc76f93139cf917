package org.mandate.app.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mandate.privacy.*}: how long a closed request's texts are kept, per category, before the retention job
 * shreds them (docs/privacy.md). Nothing is shredded by default: a category without a period of its own, when no
 * {@code retention.default} is set either, is kept for ever. Categories match regardless of case, as requests store
 * them lower-cased.
 *
 * @param retention      per category, and {@code default} for every category without its own: a duration such as
 *                       {@code 2557d} (seven years; a Duration has no years) or {@code P30D}; zero shreds at closing
 * @param retentionEvery how often each node looks for requests whose retention has ended (default an hour)
 */
@ConfigurationProperties("mandate.privacy")
record RetentionPolicy(Map<String, Duration> retention, Duration retentionEvery) {

    /** The key of the period that applies to every category without its own. */
    static final String DEFAULT = "default";

    RetentionPolicy {
        Map<String, Duration> periods = new LinkedHashMap<>();
        (retention == null ? Map.<String, Duration>of() : retention).forEach((category, period) -> {
            if (period == null || period.isNegative()) {
                throw new IllegalArgumentException("mandate.privacy.retention." + category + " must be a duration of "
                        + "zero or more, such as 2557d (seven years) or P30D; got " + period + ".");
            }
            periods.put(category.strip().toLowerCase(Locale.ROOT), period);
        });
        retention = Map.copyOf(periods);
        if (retentionEvery == null) {
            retentionEvery = Duration.ofHours(1);
        } else if (retentionEvery.isNegative() || retentionEvery.isZero()) {
            throw new IllegalArgumentException("mandate.privacy.retention-every must be a positive duration such as "
                    + "1h; got " + retentionEvery + ".");
        }
    }

    /** The period after closing that a request of this category is kept; empty: kept for ever. */
    Optional<Duration> retentionFor(String category) {
        return Optional.ofNullable(retention.get(policyOf(category)));
    }

    /** The name of the period that applies: the category's own, else {@value #DEFAULT}. */
    String policyOf(String category) {
        String own = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
        return retention.containsKey(own) && !own.equals(DEFAULT) ? own : DEFAULT;
    }

    /** The categories with a period of their own (not {@value #DEFAULT}). */
    Map<String, Duration> ownPeriods() {
        Map<String, Duration> own = new LinkedHashMap<>(retention);
        own.remove(DEFAULT);
        return own;
    }

    /** The period of every other category; empty: they are kept for ever. */
    Optional<Duration> defaultPeriod() {
        return Optional.ofNullable(retention.get(DEFAULT));
    }

    boolean shredsAnything() {
        return !retention.isEmpty();
    }
}
