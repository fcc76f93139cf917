package org.mandate.domain.mandate;

import org.junit.jupiter.api.Test;
import org.mandate.domain.Money;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    private final Scope equipmentUpTo1500 = Scope.of(Set.of("equipment"), euros("1500"));

    @Test
    void coversItsCategoriesUpToItsLimitInItsCurrencyOnly() {
        assertThat(equipmentUpTo1500.covers("equipment", euros("1500.00"))).isTrue();
        assertThat(equipmentUpTo1500.covers("equipment", euros("1500.01"))).isFalse();
        assertThat(equipmentUpTo1500.covers("travel", euros("10"))).isFalse();
        assertThat(equipmentUpTo1500.covers("equipment", Money.of(BigDecimal.TEN, "CHF"))).isFalse();
        assertThat(Scope.of(Set.of(Scope.ANY), euros("10")).covers("travel", euros("10"))).isTrue();
    }

    @Test
    void isWithinAnotherOnlyInTheSameCurrency() {
        assertThat(Scope.of(Set.of("equipment"), euros("1000")).within(equipmentUpTo1500)).isTrue();
        assertThat(Scope.of(Set.of("equipment"), euros("1500.01")).within(equipmentUpTo1500)).isFalse();
        assertThat(Scope.of(Set.of("equipment"), Money.of(BigDecimal.ONE, "CHF")).within(equipmentUpTo1500))
                .isFalse();
    }

    @Test
    void keepsItsLimitAsTheFieldsAGrantIsStoredWith() {
        assertThat(equipmentUpTo1500.maxAmount()).isEqualByComparingTo("1500");
        assertThat(equipmentUpTo1500.currency()).isEqualTo("EUR");
        assertThat(equipmentUpTo1500.limit()).isEqualTo(euros("1500"));
    }

    private static Money euros(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }
}
