package org.mandate.projections.committee;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.committee.CommitteeAuthoritySet;
import org.mandate.domain.committee.CommitteeDissolved;
import org.mandate.domain.committee.CommitteeFormed;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.CommitteeMemberAdded;
import org.mandate.domain.committee.CommitteeMemberRemoved;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The committees as the API and the rules read them: members, authority, names unique while a committee sits. */
class CommitteesProjectionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final CommitteeId BUDGET = CommitteeId.of("budget-committee");
    private static final PersonId IVY = PersonId.of("ivy");
    private static final PersonId VERA = PersonId.of("vera");
    private static final PersonId OMAR = PersonId.of("omar");

    private CommitteesProjection committees;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:committees-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        committees = new CommitteesProjection(new JdbcTemplate(dataSource));
        committees.on(new CommitteeFormed(BUDGET, "Budget committee", IVY, NOW));
        committees.on(new CommitteeMemberAdded(BUDGET, VERA, IVY, NOW));
        committees.on(new CommitteeMemberAdded(BUDGET, OMAR, IVY, NOW));
    }

    @Test
    void aCommitteeShowsItsMembersAndAuthorityAndIsFoundByNameAndByMember() {
        committees.on(new CommitteeAuthoritySet(BUDGET, Authority.upTo(100_000), "EUR", IVY, NOW));
        committees.on(new CommitteeMemberRemoved(BUDGET, OMAR, IVY, true, NOW));

        CommitteeView view = committees.find(BUDGET.value()).orElseThrow();
        assertThat(view.members()).extracting(CommitteeView.Member::personId).containsExactly("vera");
        assertThat(view.authority()).containsExactly(Map.entry("*", new BigDecimal("100000")));
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(committees.named("  BUDGET committee ")).contains(BUDGET);
        assertThat(committees.of(VERA)).containsExactly(BUDGET);
        assertThat(committees.of(OMAR)).isEmpty();
    }

    @Test
    void aDissolvedCommitteeFreesItsNameAndSeatsNobodyButStaysListed() {
        committees.on(new CommitteeDissolved(BUDGET, IVY, NOW));

        assertThat(committees.named("Budget committee")).isEmpty();
        assertThat(committees.of(VERA)).isEmpty();
        assertThat(committees.all()).singleElement().satisfies(view -> assertThat(view.dissolved()).isTrue());
        committees.on(new CommitteeFormed(CommitteeId.of("budget-2"), "Budget committee", IVY, NOW));
        assertThat(committees.named("budget committee")).contains(CommitteeId.of("budget-2"));
    }

    @Test
    void twoSittingCommitteesCannotShareANameEvenWhenFormedAtOnce() {
        assertThatThrownBy(() -> committees.on(new CommitteeFormed(CommitteeId.of("other"), "budget Committee", IVY,
                NOW))).isInstanceOf(DuplicateKeyException.class);
    }
}
