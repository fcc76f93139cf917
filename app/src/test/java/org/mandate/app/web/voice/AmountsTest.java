package org.mandate.app.web.voice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsTest {

    @Test
    void readsEachLanguagesOwnWayOfWritingAnAmount() {
        assertThat(Amounts.parse("1.500,50", Locale.GERMAN)).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("1,500.50", Locale.ENGLISH)).isEqualByComparingTo("1500.50");
        assertThat(Amounts.parse("1.500", Locale.GERMAN)).isEqualByComparingTo("1500");
        assertThat(Amounts.parse("1,500", Locale.ENGLISH)).isEqualByComparingTo("1500");
        assertThat(Amounts.parse("1.234.567,8", Locale.GERMAN)).isEqualByComparingTo("1234567.8");
        assertThat(Amounts.parse(" 1 500,50 ", Locale.GERMAN)).isEqualByComparingTo("1500.50");
    }

    @Test
    void aPlainDecimalIsReadInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
            assertThat(Amounts.parse("1500.50", locale)).isEqualByComparingTo("1500.50");
            assertThat(Amounts.parse("1500,5", locale)).isEqualByComparingTo("1500.5");
            assertThat(Amounts.parse("1500", locale)).isEqualByComparingTo("1500");
        }
    }

    @Test
    void refusesWhatCouldMeanTwoAmounts() {
        assertThatThrownBy(() -> Amounts.parse("1,500", Locale.GERMAN))
                .isInstanceOfSatisfying(Amounts.Unreadable.class, e -> assertThat(e.key).isEqualTo("amount.ambiguous"));
        assertThatThrownBy(() -> Amounts.parse("1.500", Locale.ENGLISH))
                .isInstanceOfSatisfying(Amounts.Unreadable.class, e -> assertThat(e.key).isEqualTo("amount.ambiguous"));
    }

    @Test
    void refusesGarbageAndTheOtherLanguagesGroupedForm() {
        for (String typed : new String[] {"twelve", "1.500,50", "1,50,0", "12..5", "-5", "1.5.0", ""}) {
            assertThatThrownBy(() -> Amounts.parse(typed, Locale.ENGLISH)).as(typed)
                    .isInstanceOf(Amounts.Unreadable.class);
        }
        assertThatThrownBy(() -> Amounts.parse("1,500.50", Locale.GERMAN)).isInstanceOf(Amounts.Unreadable.class);
    }

    @Test
    void showsTwoDecimalsWithTheLanguagesSeparators() {
        assertThat(Amounts.format(new BigDecimal("1500.5"), "EUR", Locale.GERMAN)).isEqualTo("1.500,50 EUR");
        assertThat(Amounts.format(new BigDecimal("1500.5"), "EUR", Locale.ENGLISH)).isEqualTo("1,500.50 EUR");
    }
}
