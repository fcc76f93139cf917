package org.mandate.domain.binding;

import org.mandate.domain.Refusals;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One binding: requests in {@code category} (null: any category) with {@code minAmount <= amount < maxAmount}
 * (null bounds: open) go on the path {@code processKey}. Bands of one category are nested or apart, never partly
 * overlapping, so the most specific binding for a request is always a single one.
 */
public record PathBinding(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount) {

    /** Category first (a named category beats "any"), then the narrowest band: it was bound for this case. */
    private static final Comparator<PathBinding> MOST_SPECIFIC_FIRST = Comparator
            .comparing((PathBinding binding) -> binding.category() == null)
            .thenComparing(PathBinding::lower, Comparator.reverseOrder())
            .thenComparing(binding -> binding.maxAmount() == null)
            .thenComparing(binding -> binding.maxAmount() == null ? BigDecimal.ZERO : binding.maxAmount());

    public static Optional<PathBinding> mostSpecific(Collection<PathBinding> bindings, String category,
                                                     BigDecimal amount) {
        return bindings.stream().filter(binding -> binding.covers(category, amount)).min(MOST_SPECIFIC_FIRST);
    }

    public boolean covers(String requestCategory, BigDecimal amount) {
        return (category == null || category.equals(requestCategory))
                && lower().compareTo(amount) <= 0
                && (maxAmount == null || amount.compareTo(maxAmount) < 0);
    }

    /** The same category and band: binding it again replaces the path. */
    public boolean sameSlot(String otherCategory, BigDecimal otherMin, BigDecimal otherMax) {
        return Objects.equals(category, otherCategory) && lower().compareTo(lowerOf(otherMin)) == 0
                && compareUpper(maxAmount, otherMax) == 0;
    }

    /** Two bands of the same category that overlap without one containing the other: which applies is unclear. */
    boolean overlapsPartly(PathBinding other) {
        if (!Objects.equals(category, other.category)) {
            return false;
        }
        boolean apart = compareUpper(maxAmount, other.lower()) <= 0 && maxAmount != null
                || compareUpper(other.maxAmount, lower()) <= 0 && other.maxAmount != null;
        return !apart && !contains(other) && !other.contains(this);
    }

    /** Whether a request of {@code amount} or more can fall in this band. */
    public boolean reaches(BigDecimal amount) {
        return maxAmount == null || maxAmount.compareTo(amount) > 0;
    }

    public String describe() {
        String band = minAmount == null && maxAmount == null ? "any amount"
                : maxAmount == null ? "from " + minAmount.toPlainString()
                : "from " + lower().toPlainString() + " up to (not including) " + maxAmount.toPlainString();
        return (category == null ? "any category" : "category '" + category + "'") + ", " + band;
    }

    /** The same words as {@link #describe()}, for a refusal that names the slot in the person's language. */
    public Refusals.Phrase phrase() {
        Refusals.Phrase band = minAmount == null && maxAmount == null ? Refusals.phrase("binding.slot.anyAmount")
                : maxAmount == null ? Refusals.phrase("binding.slot.from", minAmount.toPlainString())
                : Refusals.phrase("binding.slot.band", lower().toPlainString(), maxAmount.toPlainString());
        return Refusals.phrase("binding.slot", category == null ? Refusals.phrase("binding.slot.anyCategory")
                : Refusals.phrase("binding.slot.category", category), band);
    }

    private boolean contains(PathBinding other) {
        return lower().compareTo(other.lower()) <= 0 && compareUpper(other.maxAmount, maxAmount) <= 0;
    }

    private BigDecimal lower() {
        return lowerOf(minAmount);
    }

    private static BigDecimal lowerOf(BigDecimal min) {
        return min == null ? BigDecimal.ZERO : min;
    }

    /** Upper bounds with null as infinity. */
    private static int compareUpper(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }
}
