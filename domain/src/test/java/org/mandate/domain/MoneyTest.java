package org.mandate.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MoneyTest {

    @Test
    void aRequestedAmountIsMoreThanZeroAtMostTheLargestInCentsAndInAThreeLetterCurrency() {
        assertThatCode(() -> euros("0.01").checkRequested()).doesNotThrowAnyException();
        assertThatCode(() -> euros("1000000000.00").checkRequested()).doesNotThrowAnyException();
        assertThatCode(() -> euros("12.50000").checkRequested()).as("trailing zeros are no extra cents")
                .doesNotThrowAnyException();

        assertThat(refusal(Money.of(null, "EUR"))).isEqualTo("request.submissionPolicy.theAmountMustBeGreater");
        assertThat(refusal(euros("0"))).isEqualTo("request.submissionPolicy.theAmountMustBeGreater");
        assertThat(refusal(euros("-5"))).isEqualTo("request.submissionPolicy.theAmountMustBeGreater");
        assertThat(refusal(euros("1000000000.01"))).isEqualTo("request.submissionPolicy.theAmountIsLargerThan");
        assertThat(refusal(euros("1.005"))).isEqualTo("request.submissionPolicy.theAmountHasMoreThan");
        for (String currency : new String[] {null, "eur", "EURO", "E1R", ""}) {
            assertThat(refusal(Money.of(BigDecimal.TEN, currency))).as(currency)
                    .isEqualTo("request.submissionPolicy.theCurrencyMustBeA");
        }
    }

    @Test
    void theAmountIsCheckedBeforeTheCurrencyAndNamedAsGiven() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> Money.of(new BigDecimal("2000000000.00"), "eur").checkRequested());

        assertThat(refused.getMessage()).isEqualTo("The amount 2000000000.00 is larger than 1000000000, the most "
                + "Mandate accepts; check the figure.");
    }

    @Test
    void anAmountIsAtMostALimitOnlyInTheSameCurrency() {
        Money limit = euros("1500");

        assertThat(euros("1500.00").atMost(limit)).as("equal, whatever the scale").isTrue();
        assertThat(euros("1499.99").atMost(limit)).isTrue();
        assertThat(euros("1500.01").atMost(limit)).isFalse();
        assertThat(Money.of(BigDecimal.ONE, "CHF").atMost(limit)).as("never converted").isFalse();
        assertThat(Money.of(BigDecimal.ONE, null).atMost(limit)).isFalse();
    }

    @Test
    void readsAsTheFigureGivenAndItsCurrencyInEveryRefusal() {
        assertThat(euros("1500.50")).hasToString("1500.50 EUR");
        assertThat(euros("1E+3")).hasToString("1000 EUR");
        assertThat(Refusals.invalid("request.sendBackPolicy.anAnswerCannotChangeThe", euros("1500"))
                .getMessage()).startsWith("An answer cannot change the amount (1500 EUR): ");
    }

    private static Money euros(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    private static String refusal(Money money) {
        return catchThrowableOfType(RuleViolation.class, money::checkRequested).code();
    }
}
