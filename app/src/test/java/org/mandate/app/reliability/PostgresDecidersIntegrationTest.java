package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.PostgresDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrent deciders on PostgreSQL: the app runs as its own process on a database of its own
 * (mandate_reliability, recreated each run), so the shared H2 test context stays untouched.
 */
class PostgresDecidersIntegrationTest {

    private static final String DATABASE = "mandate_reliability";

    @Test
    void exactlyOneOfManySimultaneousDecidersWinsOnPostgres() throws Exception {
        PostgresDatabase.recreate(DATABASE);
        Path work = AppProcess.workDir("postgres-deciders");
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + work.resolve("data"),
                "--mandate.demo=true", "--mandate.demo-story=false", "--spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
             Connection db = DriverManager.getConnection(PostgresDatabase.SERVER + DATABASE, "postgres", "")) {
            app.start();
            DeciderTrials trials = new DeciderTrials(app.port(), (sql, arguments) -> PostgresDatabase.count(db, sql, arguments));

            DeciderTrials.Figures figures = trials.run("PostgreSQL", DeciderTrials.trialsFromSystemProperty(12));

            FigureLog.record("concurrent deciders", figures);
            assertThat(figures.serverErrors()).isZero();
            assertThat(figures.approved()).isEqualTo(figures.trials());
            assertThat(figures.conflicts()).isEqualTo(figures.deciders() - figures.trials());
            app.stop();
        }
    }
}
