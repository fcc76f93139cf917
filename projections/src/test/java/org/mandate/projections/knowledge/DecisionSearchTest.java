package org.mandate.projections.knowledge;

import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionSearchTest {

    @Test
    void splitsTheTextIntoLowerCaseWords() {
        DecisionSearch search = DecisionSearch.of("  Museum   TRIP ", " Trip ", null, null, "");

        assertThat(search.words()).containsExactly("museum", "trip");
        assertThat(search.category()).isEqualTo("trip");
        assertThat(search.decidedBy()).isNull();
    }

    @Test
    void refusesAnEmptyAmountRange() {
        assertThatThrownBy(() -> DecisionSearch.of(null, null, new BigDecimal("500"), new BigDecimal("100"), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Swap them");
    }
}
