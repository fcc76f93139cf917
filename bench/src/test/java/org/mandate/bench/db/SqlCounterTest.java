package org.mandate.bench.db;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCounterTest {

    private final SqlCounter counter = new SqlCounter();
    private final DataSource counted = counter.wrap(new DriverManagerDataSource(
            "jdbc:h2:mem:counter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));

    @Test
    void countsStatementsAndWriteCommitsOnlyBetweenStartAndStop() throws Exception {
        run("create table item (id int primary key)");
        assertThat(counter.counts()).isEqualTo(new SqlCounter.Counts(0, 0));

        counter.start();
        run("insert into item values (1)");
        run("select count(*) from item");
        counter.stop();
        run("insert into item values (2)");

        // the insert wrote and committed; the query is a statement whose commit wrote nothing
        assertThat(counter.counts()).isEqualTo(new SqlCounter.Counts(2, 1));
    }

    private void run(String sql) throws Exception {
        try (Connection connection = counted.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }
}
