package org.mandate.domain.directory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much a person may approve, per category. The category {@value #ANY} applies to every category
 * that has no limit of its own.
 */
public record Authority(Map<String, BigDecimal> limits) {

    public static final String ANY = "*";

    public Authority {
        limits = Map.copyOf(new TreeMap<>(limits));
    }

    public static Authority none() {
        return new Authority(Map.of());
    }

    public static Authority upTo(long amount) {
        return new Authority(Map.of(ANY, BigDecimal.valueOf(amount)));
    }

    public BigDecimal limitFor(String category) {
        return limits.getOrDefault(category, limits.getOrDefault(ANY, BigDecimal.ZERO));
    }

    public boolean covers(String category, BigDecimal amount) {
        return limitFor(category).compareTo(amount) >= 0;
    }
}
