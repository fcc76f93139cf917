package org.mandate.projections;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What differs between H2 and PostgreSQL at the JDBC level: instants to and from the {@code timestamp with time
 * zone} columns, converted the same way on both, and which of the two a connection leads to.
 */
public final class Rows {

    private Rows() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the database is PostgreSQL (otherwise it is the embedded H2), as its driver names it. */
    public static boolean onPostgres(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equalsIgnoreCase(Objects.requireNonNull(product));
    }
}
