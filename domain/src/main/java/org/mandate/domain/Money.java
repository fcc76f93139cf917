package org.mandate.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount in a currency, as requests, mandates and committees speak of it. Amounts are never converted, so two
 * amounts in different currencies are never compared: {@link #atMost} is simply false for them.
 * <p>
 * {@link #of} is how an amount enters the domain. It checks nothing itself: which amounts a rule accepts, and in
 * which order it tells the person what is wrong, stays with the rule ({@link #checkRequested}, {@link #isCurrency}),
 * so a refusal keeps its code and a stored amount always reads back.
 */
public record Money(BigDecimal amount, String currency) {

    /** The most Mandate accepts in a request; beyond it the figure is a typing mistake rather than a purchase. */
    public static final BigDecimal LARGEST_REQUEST = new BigDecimal("1000000000");
    /** A currency's code, three capital letters such as EUR; also what the API's bean validation asks for. */
    public static final String CURRENCY_CODE = "[A-Z]{3}";
    private static final Pattern CURRENCY = Pattern.compile(CURRENCY_CODE);

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** The one rule for a currency, everywhere: {@link #CURRENCY_CODE}. */
    public static boolean isCurrency(String code) {
        return code != null && CURRENCY.matcher(code).matches();
    }

    /** An amount someone may ask for: more than zero, at most {@link #LARGEST_REQUEST}, in cents, and a currency. */
    public void checkRequested() {
        if (amount == null || amount.signum() <= 0) {
            throw Refusals.invalid("request.submissionPolicy.theAmountMustBeGreater");
        }
        if (amount.compareTo(LARGEST_REQUEST) > 0) {
            throw Refusals.invalid("request.submissionPolicy.theAmountIsLargerThan",
                    amount.toPlainString(), LARGEST_REQUEST.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw Refusals.invalid("request.submissionPolicy.theAmountHasMoreThan", amount.toPlainString());
        }
        checkCurrency();
    }

    /** Refuses a currency that is not three capital letters. */
    public void checkCurrency() {
        if (!isCurrency(currency)) {
            throw Refusals.invalid("request.submissionPolicy.theCurrencyMustBeA");
        }
    }

    /** Within {@code limit}: the same currency and no more than it. */
    public boolean atMost(Money limit) {
        return currency != null && currency.equals(limit.currency) && amount.compareTo(limit.amount) <= 0;
    }

    /** How refusals write an amount, in every language: {@code 1500.00 EUR}, the figure as it was given. */
    @Override
    public String toString() {
        return (amount == null ? null : amount.toPlainString()) + " " + currency;
    }
}
