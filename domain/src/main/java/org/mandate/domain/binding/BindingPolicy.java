package org.mandate.domain.binding;

import org.mandate.domain.Refusals;

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
            throw Refusals.invalid("binding.bindingPolicy.isNotAProcessKey", command.processKey());
        }
        checkSlot(command.category(), command.minAmount(), command.maxAmount());
        PathBinding wanted = new PathBinding(command.processKey(), command.category(), command.minAmount(),
                command.maxAmount());
        current.stream().filter(wanted::overlapsPartly).findFirst().ifPresent(clash -> {
            throw Refusals.conflict("binding.bindingPolicy.thisBandOverlapsTheBinding",
                    clash.phrase(), clash.processKey());
        });
    }

    static void checkSlot(String category, BigDecimal min, BigDecimal max) {
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw Refusals.invalid("binding.bindingPolicy.isNotACategoryUse", category);
        }
        checkAmount("minAmount", min);
        checkAmount("maxAmount", max);
        if (min != null && max != null && max.compareTo(min) <= 0) {
            throw Refusals.invalid("binding.bindingPolicy.maxamountMustBeGreaterThan",
                    max.toPlainString(), min.toPlainString());
        }
    }

    private static void checkAmount(String name, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0 || amount.compareTo(LARGEST) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw Refusals.invalid("binding.bindingPolicy.isNotAnAmountUse",
                    name, amount.toPlainString(), LARGEST.toPlainString());
        }
    }
}
