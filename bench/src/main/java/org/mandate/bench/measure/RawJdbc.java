package org.mandate.bench.measure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The floor: what the database itself does with no framework in between. */
public final class RawJdbc {

    private RawJdbc() {
    }

    /** Single-row insert, then commit, back to back on one connection: rows per second. */
    public static double insertCommitRate(DataSource dataSource, Duration window) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("create table bench_raw_insert (id bigint primary key, payload varchar(255) not null)");
            }
            connection.setAutoCommit(false);
            long rows = 0;
            long end = System.nanoTime() + window.toNanos();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bench_raw_insert (id, payload) values (?, ?)")) {
                while (System.nanoTime() < end) {
                    insert.setLong(1, rows);
                    insert.setString(2, "a row the size of a small event payload, committed on its own " + rows);
                    insert.executeUpdate();
                    connection.commit();
                    rows++;
                }
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            connection.setAutoCommit(true);
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop table bench_raw_insert");
            }
            return rate;
        }
    }

    /** Reads every row and column of the event table in global order, as a replay must: events per second. */
    public static double eventScanRate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            long start = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement scan = connection.prepareStatement("select global_index, event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                    + "payload, meta_data from domain_event_entry order by global_index")) {
                scan.setFetchSize(1000);
                try (ResultSet row = scan.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        bytes += row.getLong(1) + row.getString(2).length() + row.getString(3).length()
                                + row.getLong(4) + row.getString(7).length() + row.getString(6).length()
                                + row.getBytes(9).length;
                        byte[] metaData = row.getBytes(10);
                        bytes += metaData == null ? 0 : metaData.length;
                    }
                }
            }
            connection.commit();
            if (rows == 0 || bytes == 0) {
                throw new IllegalStateException("the event table is empty: nothing to scan");
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
