package org.mandate.app.reliability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrent deciders on PostgreSQL: the app runs as its own process on a database of its own
 * (mandate_reliability, recreated each run), so the shared H2 test context stays untouched.
 */
class PostgresDecidersIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "mandate_reliability";

    @Test
    void exactlyOneOfManySimultaneousDecidersWinsOnPostgres() throws Exception {
        recreateDatabase();
        Path work = AppProcess.workDir("postgres-deciders");
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + work.resolve("data"),
                "--mandate.demo=true", "--mandate.demo-story=false", "--spring.datasource.url=" + SERVER + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
             Connection db = DriverManager.getConnection(SERVER + DATABASE, "postgres", "")) {
            app.start();
            DeciderTrials trials = new DeciderTrials(app.port(), (sql, arguments) -> count(db, sql, arguments));

            DeciderTrials.Figures figures = trials.run("PostgreSQL", DeciderTrials.trialsFromSystemProperty(12));

            FigureLog.record("concurrent deciders", figures);
            assertThat(figures.serverErrors()).isZero();
            assertThat(figures.approved()).isEqualTo(figures.trials());
            assertThat(figures.conflicts()).isEqualTo(figures.deciders() - figures.trials());
            app.stop();
        }
    }

    private static void recreateDatabase() {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            admin.createStatement().execute("create database " + DATABASE);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432 as user postgres (" + unreachable.getMessage()
                    + "): install and start it (see .ci/run)");
        }
    }

    private static long count(Connection db, String sql, Object... arguments) {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
