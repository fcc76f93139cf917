package org.mandate.app.web.request;

import org.springframework.validation.Errors;

import java.math.BigDecimal;

/** Reads the amount as people type it ("1500", "1,500.50"), or says in the form what is wrong with it. */
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
            amount = new BigDecimal(text.strip().replace(",", "").replace(" ", ""));
        } catch (NumberFormatException notANumber) {
            errors.rejectValue("amount", "number", "‘" + text.strip() + "’ is not an amount; write it as digits, "
                    + "e.g. 1500 or 1500.50.");
            return null;
        }
        if (amount.signum() <= 0) {
            errors.rejectValue("amount", "positive", "The amount must be greater than zero.");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("amount", "cents", "Use at most two decimals, e.g. 1500.50.");
        } else if (amount.compareTo(LARGEST) > 0) {
            errors.rejectValue("amount", "large", "That is more than Mandate accepts (1,000,000,000); check the figure.");
        }
        return amount;
    }
}
