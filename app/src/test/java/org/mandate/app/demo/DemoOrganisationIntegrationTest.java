package org.mandate.app.demo;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.projections.committee.CommitteeView;
import org.mandate.projections.committee.CommitteesProjection;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrganisationIntegrationTest extends MandateIntegrationTest {

    @Autowired
    Directory directory;
    @Autowired
    CommitteesProjection committees;

    @Test
    void theDemoSchoolIsInTheDirectoryWithItsReportingLines() {
        assertThat(directory.managementChainAbove(PersonId.of("ana"))).extracting(person -> person.id().value())
                .containsExactly("sofia", "vera", "pat");
        assertThat(directory.find(PersonId.of("fay")).orElseThrow().has(Role.FINANCE)).isTrue();
        assertThat(directory.find(PersonId.of("ada")).orElseThrow().has(Role.AUDITOR)).isTrue();
    }

    /** Other tests in the shared context may record departures, so the members are read from the events. */
    @Test
    void theBudgetCommitteeHasTheThreeSeniorLeadersAndAuthorityUpTo100000Euro() {
        CommitteeView budget = committees.find("budget-committee").orElseThrow();
        assertThat(budget.name()).isEqualTo("Budget committee");
        assertThat(budget.authority()).containsExactly(Map.entry("*", new BigDecimal("100000")));
        assertThat(budget.currency()).isEqualTo("EUR");
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, "committee:budget-committee"))
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .startsWith("CommitteeFormed", "CommitteeMemberAdded", "CommitteeMemberAdded",
                        "CommitteeMemberAdded", "CommitteeAuthoritySet");
        assertThat(budget.members()).extracting(CommitteeView.Member::personId)
                .isSubsetOf("vera", "omar", "pat");
    }

    @Test
    void passwordsAreStoredHashedNeverInClear() {
        List<String> hashes = jdbc.queryForList("select password_hash from credential", String.class);

        assertThat(hashes).hasSizeGreaterThanOrEqualTo(11)
                .allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo"));
    }
}
