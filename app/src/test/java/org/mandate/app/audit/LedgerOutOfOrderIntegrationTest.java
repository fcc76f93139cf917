package org.mandate.app.audit;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default's version of {@code LedgerOutOfOrderPostgresIntegrationTest}: on the shared H2 database,
 * writer A takes the lower global index and commits after writer B. The ledger and the audit trail must each
 * record both events under their own global index, and the chain must stay valid.
 */
class LedgerOutOfOrderIntegrationTest extends MandateIntegrationTest {

    @Test
    void aLowerIndexCommittedLastIsChainedAndInTheTrailUnderItsOwnIndex() throws Exception {
        try (Connection writerA = jdbc.getDataSource().getConnection();
             Connection writerB = jdbc.getDataSource().getConnection()) {
            writerA.setAutoCommit(false);
            writerB.setAutoCommit(false);
            String eventA = UUID.randomUUID().toString();
            String eventB = UUID.randomUUID().toString();
            long lower = append(writerA, eventA);
            long higher = append(writerB, eventB);
            assertThat(higher).isGreaterThan(lower);
            writerB.commit();
            await("B chained").atMost(Duration.ofSeconds(60)).until(() -> chained(higher));
            writerA.commit();
            await("A chained").atMost(Duration.ofSeconds(60)).until(() -> chained(lower));
            await("both in the trail").atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from audit_event a join domain_event_entry e on e.global_index = a.global_index "
                    + "where e.event_identifier in (?, ?)", Long.class, eventA, eventB) == 2);

            assertThat(jdbc.queryForObject("select count(*) from audit_event where global_index in (?, ?)", Long.class,
                    lower, higher)).as("each in its own row, B not overwritten by A").isEqualTo(2);
            assertThat(position(lower)).as("A was chained after B").isGreaterThan(position(higher));
            assertThat(as("ada").get("/api/audit/verification").json().path("valid").asBoolean()).isTrue();
        }
    }

    private boolean chained(long globalIndex) {
        return jdbc.queryForObject("select count(*) from ledger_link where global_index = ?", Long.class,
                globalIndex) == 1;
    }

    private long position(long globalIndex) {
        return jdbc.queryForObject("select position from ledger_link where global_index = ?", Long.class,
                globalIndex);
    }

    /** Appends an event the way Axon's JDBC storage engine does; its global index comes from the identity. */
    private static long append(Connection writer, String eventId) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement("insert into domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) values (?, ?, 0, 'OutOfOrder', ?, 'java.util.LinkedHashMap', null, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, eventId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, ("{\"writer\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
