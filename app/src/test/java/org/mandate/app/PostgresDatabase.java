package org.mandate.app;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A PostgreSQL database of a test's own at 127.0.0.1:5432; the test is skipped, saying why, when none runs there. */
public final class PostgresDatabase {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private PostgresDatabase() {
    }

    /** Drops and creates the database, or aborts the test with what to install. */
    public static void recreate(String name) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
            admin.createStatement().execute("create database " + name);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432 as user postgres (" + unreachable.getMessage()
                    + "): install and start it (see .ci/run)");
        }
    }

    /**
     * Points a Spring test context at the database, with the app's PostgreSQL profile doing the rest; and no demo
     * story, whose backdated weeks only the shared H2 context's tests read.
     */
    public static void use(DynamicPropertyRegistry properties, String name) {
        properties.add("spring.datasource.url", () -> SERVER + name);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
        properties.add("mandate.demo-story", () -> "false");
    }

    /** The one number a counting query answers. */
    public static long count(Connection db, String sql, Object... arguments) {
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
