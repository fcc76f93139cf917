package org.mandate.domain.request;

import org.mandate.domain.Refusals;

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
            throw Refusals.invalid("request.submissionPolicy.aRequestNeedsATitle");
        }
        if (command.title().length() > TITLE_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theTitleIsCharactersLong",
                    command.title().length(), TITLE_LENGTH);
        }
        if (command.description() != null && command.description().length() > DESCRIPTION_LENGTH) {
            throw Refusals.invalid("request.sendBackPolicy.theDescriptionIsLongerThan", DESCRIPTION_LENGTH);
        }
        if (command.category() == null || command.category().isBlank()) {
            throw Refusals.invalid("request.submissionPolicy.aRequestNeedsACategory");
        }
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() <= 0) {
            throw Refusals.invalid("request.submissionPolicy.theAmountMustBeGreater");
        }
        if (amount.compareTo(LARGEST_AMOUNT) > 0) {
            throw Refusals.invalid("request.submissionPolicy.theAmountIsLargerThan",
                    amount.toPlainString(), LARGEST_AMOUNT.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw Refusals.invalid("request.submissionPolicy.theAmountHasMoreThan", amount.toPlainString());
        }
        if (command.currency() == null || !command.currency().matches("[A-Z]{3}")) {
            throw Refusals.invalid("request.submissionPolicy.theCurrencyMustBeA");
        }
    }
}
