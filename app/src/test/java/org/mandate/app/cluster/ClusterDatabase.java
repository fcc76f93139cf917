package org.mandate.app.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The PostgreSQL database the nodes of one test share, new for each run at 127.0.0.1:5432 and dropped after it.
 * Without a server there, the test is skipped, saying what to install.
 */
final class ClusterDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name;

    private ClusterDatabase(String name) {
        this.name = name;
    }

    /** A new database named {@code <prefix>_<12 hex digits>}. */
    static ClusterDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = connect("postgres")) {
            server.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            abort("PostgreSQL not reachable at 127.0.0.1:5432 (" + e.getMessage() + "): install and start it "
                    + "(see .ci/run); this test needs it to run two app nodes on one database");
        }
        return new ClusterDatabase(name);
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return connect(name);
    }

    void drop() throws SQLException {
        try (Connection server = connect("postgres")) {
            server.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }
}
