package org.mandate.domain.request;

import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules as process owners write them, and how many approvals each needs. */
class QuorumRuleTest {

    @Test
    void readsEachFormInItsCanonicalSpelling() {
        assertThat(QuorumRule.parse(" ALL ").text()).isEqualTo("all");
        assertThat(QuorumRule.parse("any").text()).isEqualTo("any");
        assertThat(QuorumRule.parse("2  of 3").text()).isEqualTo("2 of 3");
        assertThat(QuorumRule.parse("Majority").text()).isEqualTo("majority");
        assertThat(QuorumRule.parse("one from each of finance and it").groups())
                .containsExactly(CommitteeId.of("finance"), CommitteeId.of("it"));
    }

    @Test
    void countsTheApprovalsNeededOverTheEligibleVoters() {
        assertThat(QuorumRule.parse("all").needed(4)).isEqualTo(4);
        assertThat(QuorumRule.parse("any").needed(4)).isEqualTo(1);
        assertThat(QuorumRule.parse("2 of 3").needed(2)).isEqualTo(2);
        assertThat(QuorumRule.parse("majority").needed(4)).isEqualTo(3);
        assertThat(QuorumRule.parse("majority").needed(3)).isEqualTo(2);
        assertThat(QuorumRule.parse("one from each of a, b, c").needed(7)).isEqualTo(3);
    }

    @Test
    void refusesRulesThatCanNeverBeMetOrDoNotParse() {
        for (String bad : List.of("3 of 2", "0 of 3", "most", "", "one from each of finance", "one from each of a, a",
                "one from each of a, B C")) {
            assertThatThrownBy(() -> QuorumRule.parse(bad)).isInstanceOf(RuleViolation.class)
                    .extracting(thrown -> ((RuleViolation) thrown).kind()).isEqualTo(RuleViolation.Kind.INVALID);
        }
    }
}
