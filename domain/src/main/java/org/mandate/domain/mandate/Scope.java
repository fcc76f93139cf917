package org.mandate.domain.mandate;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/** What a mandate lets its holder decide: requests of these categories ({@value #ANY} for all), up to an amount. */
public record Scope(Set<String> categories, BigDecimal maxAmount, String currency) {

    public static final String ANY = "*";

    public Scope {
        categories = categories == null ? Set.of() : Set.copyOf(new TreeSet<>(categories));
    }

    public boolean covers(String category, BigDecimal amount, String requestCurrency) {
        return (categories.contains(ANY) || categories.contains(category))
                && maxAmount.compareTo(amount) >= 0
                && currency.equals(requestCurrency);
    }

    /** True if everything this scope allows, the other allows too. */
    public boolean within(Scope other) {
        boolean categoriesWithin = other.categories.contains(ANY)
                || (!categories.contains(ANY) && other.categories.containsAll(categories));
        return categoriesWithin && maxAmount.compareTo(other.maxAmount) <= 0 && currency.equals(other.currency);
    }
}
