package org.mandate.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real ledger and audit trail, in the app running as its own process on PostgreSQL, while two writers commit
 * events in the opposite order to their global indexes: A takes the lower index and commits last; B's event looks
 * two minutes old when it commits, as after a slow transaction (Axon #4829). Both processors must end up with every
 * event, and the verification must answer valid before, during and after A's late commit.
 */
class LedgerOutOfOrderPostgresIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "mandate_ledger_out_of_order";

    @Test
    void theLedgerAndTheTrailGetEveryEventAndTheChainStaysValidWhenCommitsLandOutOfOrder() throws Exception {
        recreateDatabase();
        Path work = AppProcess.workDir("ledger-out-of-order");
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + work.resolve("data"),
                "--mandate.demo=true", "--mandate.demo-story=false", "--spring.datasource.url=" + SERVER + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
             Connection db = connect(); Connection writerA = connect(); Connection writerB = connect()) {
            app.start();
            Api ada = new Api(app.port(), "ada", "demo");
            await("the demo data chained").atMost(Duration.ofMinutes(2))
                    .until(() -> count(db, "select count(*) from domain_event_entry e where not exists (select 1 "
                            + "from ledger_link l where l.global_index = e.global_index)") == 0);

            writerA.setAutoCommit(false);
            writerB.setAutoCommit(false);
            long lower = append(writerA, "lower index, committed last", Instant.now());
            long higher = append(writerB, "higher index, committed first", Instant.now().minus(Duration.ofMinutes(2)));
            assertThat(higher).isGreaterThan(lower);
            writerB.commit();
            await("B chained").atMost(Duration.ofMinutes(2))
                    .until(() -> count(db, "select count(*) from ledger_link where global_index = " + higher) == 1);
            assertValid(ada.get("/api/audit/verification"), "while A is still open");

            writerA.commit();

            // asks while A is visible in the store but perhaps not chained yet: pending then, never "inserted"
            List<String> whileLate = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (count(db, "select count(*) from ledger_link where global_index = " + lower) == 0) {
                assertThat(System.nanoTime()).as("A chained within two minutes").isLessThan(deadline);
                whileLate.add(assertValid(ada.get("/api/audit/verification"), "after A committed"));
            }
            await("A in the trail").atMost(Duration.ofMinutes(2)).until(() ->
                    count(db, "select count(*) from audit_event where global_index = " + lower) == 1);

            assertThat(position(db, lower)).as("A was chained after B: the commits really landed out of order")
                    .isGreaterThan(position(db, higher));
            long events = count(db, "select count(*) from domain_event_entry");
            assertThat(count(db, "select count(*) from domain_event_entry e join ledger_link l "
                    + "on l.global_index = e.global_index")).as("every event chained once").isEqualTo(events);
            assertThat(count(db, "select count(*) from domain_event_entry e join audit_event a "
                    + "on a.global_index = e.global_index"))
                    .as("every event in the trail, each in its own row").isEqualTo(events);
            JsonNode verification = ada.get("/api/audit/verification").json();
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("eventsChecked").asLong()).isEqualTo(events);
            assertThat(verification.path("pending").asLong()).isZero();
            String digest = ada.get("/api/audit/digest").json().path("head").asText();
            assertThat(ada.get("/api/audit/verification?digest=" + digest).json().path("valid").asBoolean()).isTrue();
            FigureLog.record("ledger out of order", "A (index " + lower + ") chained at position "
                    + position(db, lower) + " after B (index " + higher + ", position " + position(db, higher)
                    + "); " + events + " events; " + whileLate.size() + " verifications before A was chained, "
                    + whileLate.stream().filter(body -> body.contains("\"pending\":1")).count()
                    + " of them valid with A visible and pending");
            app.stop();
        }
    }

    private static String assertValid(Api.Response response, String when) {
        assertThat(response.status()).as(when + ": " + response).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).as(when + ": " + response).isTrue();
        return response.body();
    }

    /** Appends an event the way Axon's JDBC storage engine does; its global index comes from the identity. */
    private static long append(Connection writer, String name, Instant created) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement("insert into domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) values (?, ?, 0, 'OutOfOrder', ?, 'java.util.LinkedHashMap', null, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, created.toString());
            insert.setBytes(4, ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("global_index");
            }
        }
    }

    private static long position(Connection db, long globalIndex) throws SQLException {
        return count(db, "select position from ledger_link where global_index = " + globalIndex);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
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
}
