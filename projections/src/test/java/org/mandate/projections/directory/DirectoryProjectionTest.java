package org.mandate.projections.directory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.AuthoritySet;
import org.mandate.domain.directory.ManagerChanged;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction reads each person once (the command path asked for the same few people many times), and sees its
 * own changes to the directory at once; the next transaction reads afresh, so what another node committed counts.
 */
class DirectoryProjectionTest {

    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId SOFIA = PersonId.of("sofia");
    private static final PersonId OMAR = PersonId.of("omar");

    private JdbcTemplate jdbc;
    private DirectoryProjection directory;
    private TransactionTemplate transactions;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:directory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        directory = new DirectoryProjection(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        directory.on(new PersonJoined(OMAR, "Omar", "Head", null, Set.of(), Authority.none()));
        directory.on(new PersonJoined(SOFIA, "Sofia", "Lead", OMAR, Set.of(), Authority.none()));
        directory.on(new PersonJoined(ANA, "Ana", "Teacher", SOFIA, Set.of(), Authority.none()));
    }

    @Test
    void aTransactionSeesItsOwnChangesToThePeopleItRead() {
        transactions.executeWithoutResult(tx -> {
            assertThat(directory.find(ANA).map(Person::manager)).contains(SOFIA);
            directory.on(new ManagerChanged(ANA, OMAR));
            assertThat(directory.find(ANA).map(Person::manager)).contains(OMAR);
            directory.on(new AuthoritySet(OMAR, new Authority(Map.of("equipment", BigDecimal.valueOf(5000)))));
            assertThat(directory.managementChainAbove(ANA)).extracting(person -> person.authority()
                    .covers("equipment", BigDecimal.valueOf(5000))).containsExactly(true);
        });
    }

    @Test
    void aTransactionReadsEachPersonOnceAndTheNextReadsAfresh() {
        transactions.executeWithoutResult(tx -> {
            assertThat(directory.find(ANA).map(Person::name)).contains("Ana");
            // written behind the projection's back, as another node's committed change would look
            jdbc.update("update directory_person set name = 'Ana B.' where id = 'ana'");
            assertThat(directory.find(ANA).map(Person::name)).contains("Ana");
        });
        transactions.executeWithoutResult(tx -> assertThat(directory.find(ANA).map(Person::name))
                .contains("Ana B."));
        assertThat(directory.find(ANA).map(Person::name)).contains("Ana B.");
    }

    @Test
    void eachPersonComesOnceWithEveryCategoryOfTheirAuthority() {
        PersonId fay = PersonId.of("fay");
        directory.on(new PersonJoined(fay, "Fay", "Bursar", OMAR, Set.of(Role.FINANCE),
                new Authority(Map.of("equipment", BigDecimal.valueOf(5000), "travel", BigDecimal.valueOf(800)))));
        directory.on(new AuthoritySet(SOFIA, new Authority(Map.of("supplies", BigDecimal.valueOf(300)))));

        assertThat(directory.everyone()).extracting(person -> person.id().value())
                .containsExactly("ana", "fay", "omar", "sofia");
        assertThat(directory.withRole(Role.FINANCE)).extracting(person -> person.id().value()).containsExactly("fay");
        Authority bursars = directory.withRole(Role.FINANCE).get(0).authority();
        assertThat(bursars.limits()).containsOnlyKeys("equipment", "travel");
        assertThat(bursars.limitFor("equipment")).isEqualByComparingTo("5000");
        assertThat(bursars.limitFor("travel")).isEqualByComparingTo("800");
        assertThat(directory.reportingTo(OMAR)).extracting(person -> person.authority().limits().keySet())
                .containsExactly(Set.of("equipment", "travel"), Set.of("supplies"));
        assertThat(directory.find(ANA).orElseThrow().authority().limits()).isEmpty();
    }
}
