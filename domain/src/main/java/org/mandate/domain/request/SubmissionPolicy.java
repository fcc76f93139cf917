package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;

import java.math.BigDecimal;

/** What a request must look like before anyone is asked to decide on it. */
final class SubmissionPolicy {

    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1000000000");
    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 10_000;

    private SubmissionPolicy() {
    }

    static void check(SubmitRequest command) {
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.invalid("A request needs a title that says what it is for.");
        }
        if (command.title().length() > TITLE_LENGTH) {
            throw RuleViolation.invalid("The title is " + command.title().length() + " characters long; keep it under "
                    + TITLE_LENGTH + " and put the details in the description.");
        }
        if (command.description() != null && command.description().length() > DESCRIPTION_LENGTH) {
            throw RuleViolation.invalid("The description is longer than " + DESCRIPTION_LENGTH
                    + " characters; attach a summary instead.");
        }
        if (command.category() == null || command.category().isBlank()) {
            throw RuleViolation.invalid("A request needs a category, such as 'trip' or 'equipment'.");
        }
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() <= 0) {
            throw RuleViolation.invalid("The amount must be greater than zero.");
        }
        if (amount.compareTo(LARGEST_AMOUNT) > 0) {
            throw RuleViolation.invalid("The amount " + amount.toPlainString() + " is larger than "
                    + LARGEST_AMOUNT.toPlainString() + ", the most Mandate accepts; check the figure.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid("The amount " + amount.toPlainString() + " has more than two decimals.");
        }
        if (command.currency() == null || !command.currency().matches("[A-Z]{3}")) {
            throw RuleViolation.invalid("The currency must be a three-letter ISO code such as EUR.");
        }
    }
}
