package org.mandate.app.request.web;

import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import org.springframework.validation.Errors;

import java.math.BigDecimal;

/**
 * Reads the amount as people type it in their page's language ("1,500.50", "1.500,50", "1500"), or says in the form
 * what is wrong with it.
 */
final class AmountText {

    private static final BigDecimal LARGEST = new BigDecimal("1000000000");

    private AmountText() {
    }

    static BigDecimal read(String text, Errors errors) {
        if (text == null || text.isBlank()) {
            return null; // @NotBlank has said so already
        }
        BigDecimal amount;
        try {
            amount = Amounts.parse(text);
        } catch (Amounts.Unreadable unreadable) {
            reject(errors, unreadable.key, unreadable.args);
            return null;
        }
        if (amount.signum() <= 0) {
            reject(errors, "amount.positive");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            reject(errors, "amount.cents");
        } else if (amount.compareTo(LARGEST) > 0) {
            reject(errors, "amount.large");
        }
        return amount;
    }

    private static void reject(Errors errors, String key, Object... args) {
        errors.rejectValue("amount", key, args, Messages.of(key, args));
    }
}
