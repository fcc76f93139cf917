package org.mandate.domain.binding;

import org.mandate.domain.RuleViolation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;

/** What a binding must look like: a usable key, a category as requests spell it, a band that makes sense. */
final class BindingPolicy {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** The same shape a request's category has once submitted (lower case). */
    private static final Pattern CATEGORY = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N} _-]{1,64}");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000");

    private BindingPolicy() {
    }

    static void check(BindPath command, Collection<PathBinding> current) {
        if (command.processKey() == null || !KEY.matcher(command.processKey()).matches()) {
            throw RuleViolation.invalid("'" + command.processKey() + "' is not a process key: name a deployed path "
                    + "(see GET /api/processes).");
        }
        checkSlot(command.category(), command.minAmount(), command.maxAmount());
        PathBinding wanted = new PathBinding(command.processKey(), command.category(), command.minAmount(),
                command.maxAmount());
        current.stream().filter(wanted::overlapsPartly).findFirst().ifPresent(clash -> {
            throw RuleViolation.conflict("This band overlaps the binding of " + clash.describe() + " (path '"
                    + clash.processKey() + "') without containing it or lying inside it, so it would be unclear "
                    + "which path a request takes. Choose a band inside that one, around it, or apart from it.");
        });
    }

    static void checkSlot(String category, BigDecimal min, BigDecimal max) {
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw RuleViolation.invalid("'" + category + "' is not a category: use lower-case letters, digits, "
                    + "spaces, '-' and '_' (at most 64), or leave it out to bind any category.");
        }
        checkAmount("minAmount", min);
        checkAmount("maxAmount", max);
        if (min != null && max != null && max.compareTo(min) <= 0) {
            throw RuleViolation.invalid("maxAmount " + max.toPlainString() + " must be greater than minAmount "
                    + min.toPlainString() + " (the band is minAmount up to, not including, maxAmount).");
        }
    }

    private static void checkAmount(String name, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0 || amount.compareTo(LARGEST) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid(name + " " + amount.toPlainString() + " is not an amount: use 0 to "
                    + LARGEST.toPlainString() + " with at most two decimals, or leave it out for an open band.");
        }
    }
}
