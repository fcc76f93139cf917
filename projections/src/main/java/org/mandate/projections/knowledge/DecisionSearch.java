package org.mandate.projections.knowledge;

import org.mandate.domain.Refusals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * "How did we decide trips like this before?": every word must occur in the title, the rationale or a comment on the
 * request (each word in any of them).
 */
public record DecisionSearch(List<String> words, String category, BigDecimal minAmount, BigDecimal maxAmount,
                             String decidedBy) {

    public DecisionSearch {
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw Refusals.invalid("knowledge.search.emptyAmountRange", minAmount.toPlainString(),
                    maxAmount.toPlainString());
        }
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static DecisionSearch of(String text, String category, BigDecimal minAmount, BigDecimal maxAmount,
                                    String decidedBy) {
        List<String> words = text == null ? List.of() : Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isBlank()).limit(10).toList();
        return new DecisionSearch(words, blankToNull(category), minAmount, maxAmount, blankToNull(decidedBy));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
