package org.mandate.projections.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionAreaTest {

    // the demo school's science branch, plus arts beside it
    private static final List<DecisionArea.Person> SCHOOL = List.of(
            new DecisionArea.Person("pat", null, null),
            new DecisionArea.Person("vera", "pat", null),
            new DecisionArea.Person("sofia", "vera", null),
            new DecisionArea.Person("ana", "sofia", null),
            new DecisionArea.Person("liam", "vera", null),
            new DecisionArea.Person("ben", "liam", null));

    @Test
    void aManagerSeesThemselvesAndEveryoneBelowThemButNotBesideOrAbove() {
        assertThat(DecisionArea.around("sofia", SCHOOL)).containsExactlyInAnyOrder("sofia", "ana");
        assertThat(DecisionArea.around("vera", SCHOOL))
                .containsExactlyInAnyOrder("vera", "sofia", "ana", "liam", "ben");
    }

    @Test
    void aSuccessorSeesTheLeaverAndTheLeaversTeam() {
        List<DecisionArea.Person> sofiaLeftForLiam = List.of(
                new DecisionArea.Person("vera", null, null),
                new DecisionArea.Person("sofia", "vera", "liam"),
                new DecisionArea.Person("ana", "sofia", null),
                new DecisionArea.Person("liam", "vera", null),
                new DecisionArea.Person("ben", "liam", null));

        assertThat(DecisionArea.around("liam", sofiaLeftForLiam))
                .containsExactlyInAnyOrder("liam", "ben", "sofia", "ana");
        assertThat(DecisionArea.around("ana", sofiaLeftForLiam)).containsExactly("ana");
    }

    @Test
    void aReportWhoSucceedsTheirManagerClosesNoEndlessLoop() {
        List<DecisionArea.Person> anaTookOverFromSofia = List.of(
                new DecisionArea.Person("sofia", "vera", "ana"),
                new DecisionArea.Person("ana", "sofia", null),
                new DecisionArea.Person("tom", "ana", null));

        assertThat(DecisionArea.around("ana", anaTookOverFromSofia)).containsExactlyInAnyOrder("ana", "sofia", "tom");
    }

    @Test
    void someoneUnknownSeesOnlyTheirOwn() {
        assertThat(DecisionArea.around("zed", SCHOOL)).containsExactly("zed");
    }
}
