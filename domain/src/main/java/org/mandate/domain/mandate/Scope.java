package org.mandate.domain.mandate;

import org.mandate.domain.Money;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/** What a mandate lets its holder decide: requests of these categories ({@value #ANY} for all), up to an amount. */
public record Scope(Set<String> categories, BigDecimal maxAmount, String currency) {

    public static final String ANY = "*";

    public Scope {
        categories = categories == null ? Set.of() : Set.copyOf(new TreeSet<>(categories));
    }

    public static Scope of(Set<String> categories, Money limit) {
        return new Scope(categories, limit.amount(), limit.currency());
    }

    /**
     * The most it lets its holder decide. A method rather than a component, so that a stored grant keeps its
     * {@code maxAmount} and {@code currency} fields.
     */
    public Money limit() {
        return Money.of(maxAmount, currency);
    }

    public boolean covers(String category, Money amount) {
        return (categories.contains(ANY) || categories.contains(category)) && amount.atMost(limit());
    }

    /** True if everything this scope allows, the other allows too. */
    public boolean within(Scope other) {
        boolean categoriesWithin = other.categories.contains(ANY)
                || (!categories.contains(ANY) && other.categories.containsAll(categories));
        return categoriesWithin && limit().atMost(other.limit());
    }
}
