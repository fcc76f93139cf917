package org.mandate.bench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One fresh, empty database of a kind (H2 in file mode, or PostgreSQL), so that every system measured starts
 * from the same empty state. PostgreSQL databases are dropped again by {@link #drop()}.
 */
public final class Database {

    public enum Kind { H2, POSTGRES }

    public static final String POSTGRES_HOST = "127.0.0.1:5432";

    private final Kind kind;
    private final String name;
    private final String url;

    private Database(Kind kind, String name, String url) {
        this.kind = kind;
        this.name = name;
        this.url = url;
    }

    /**
     * A fresh H2 file database under {@code dir}, with the settings Mandate's default configuration uses, for every
     * system alike: WRITE_DELAY=0 writes each commit to the file before the caller hears of it (H2's default keeps
     * up to half a second of commits in memory, which a killed process loses); QUERY_CACHE_SIZE=128 keeps each
     * connection's recent parsed statements, where H2's default of 8 parsed nearly every statement of an approval
     * again.
     */
    public static Database h2(File dir, String name) {
        String path = new File(dir, name).getAbsolutePath();
        return new Database(Kind.H2, name, "jdbc:h2:file:" + path
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=128");
    }

    /** A freshly created PostgreSQL database (user postgres, trust authentication). */
    public static Database postgres(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name);
        }
        return new Database(Kind.POSTGRES, name, "jdbc:postgresql://" + POSTGRES_HOST + "/" + name);
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    public static String postgresUnavailable() {
        try (Connection ignored = DriverManager.getConnection(adminUrl(), "postgres", "")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + POSTGRES_HOST + " (" + e.getMessage()
                    + "): install and start it (see .ci/run) to get the PostgreSQL figures";
        }
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return kind == Kind.H2 ? "sa" : "postgres";
    }

    /** A pool like the one Spring Boot gives Mandate (HikariCP, 10 connections), for the baselines. */
    public HikariDataSource pool(String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword("");
        config.setPoolName(poolName);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    public String version() {
        try (Connection connection = DriverManager.getConnection(url, user(), "")) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return kind + " (version unknown: " + e.getMessage() + ")";
        }
    }

    public void drop() {
        if (kind != Kind.POSTGRES) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop benchmark database " + name + ": " + e.getMessage());
        }
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + POSTGRES_HOST + "/postgres?connectTimeout=3";
    }
}
