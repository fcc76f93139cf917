package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.projections.ledger.LedgerChain;
import org.mandate.projections.ledger.LedgerChain.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampers with the real event store and ledger, and expects the verification to name the first event that no
 * longer matches. Every test puts back exactly what it changed, so the shared database stays usable. Run on H2
 * ({@link LedgerTamperIntegrationTest}) and on PostgreSQL ({@link LedgerTamperPostgresIntegrationTest}).
 */
abstract class LedgerTamperCases extends MandateIntegrationTest {

    private long decided;

    @BeforeEach
    void aDecidedRequestIsChained() {
        String id = as("ana").submit("Beakers", "equipment", 200);
        String step = openStep(as("ana"), id);
        as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED", "rationale", "Broken ones"));
        decided = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%StepDecided'", Long.class, id);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode verification = verification(null);
            return verification.path("eventsChecked").asLong() == eventCount() && verification.path("pending")
                    .asLong() == 0;
        });
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void theDigestIsTheHeadOfTheChain() {
        JsonNode digest = as("ada").get("/api/audit/digest").json();
        assertThat(digest.path("events").asLong()).isEqualTo(eventCount());
        assertThat(digest.path("head").asText()).matches(eventCount() + ":[0-9a-f]{64}");
        JsonNode verification = verification(digest.path("head").asText());
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("head").asText()).isEqualTo(digest.path("head").asText());
        assertThat(as("ada").get("/api/audit/verification?digest=nonsense").detail()).contains("GET /api/audit/digest");
    }

    @Test
    void aChangedPayloadIsFound() {
        StoredEvent original = row(decided);
        // the rationale is sealed for its author (docs/privacy.md); a forger changes the outcome, which is in clear
        String forged = new String(original.payload(), StandardCharsets.UTF_8)
                .replace("\"APPROVED\"", "\"REJECTED\"");
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    forged.getBytes(StandardCharsets.UTF_8), decided);
            assertFirstMismatch(null, decided, "no longer matches");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original.payload(),
                    decided);
        }
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aDeletedRowIsFound() {
        StoredEvent original = row(decided);
        try {
            jdbc.update("delete from domain_event_entry where global_index = ?", decided);
            assertFirstMismatch(null, decided, "no longer holds it");
        } finally {
            insert(original);
        }
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anInsertedRowIsFound() {
        StoredEvent model = row(decided);
        StoredEvent forged = new StoredEvent(0, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 0,
                model.type(), model.timestamp(), model.payloadType(), model.payloadRevision(), model.payload(),
                model.metaData());
        try {
            insert(forged);
            assertFirstMismatch(null, 0, "never chained");
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = 0");
        }
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void swappedRowsAreFound() {
        long earlier = decided - 1;
        try {
            swap(earlier, decided);
            assertFirstMismatch(null, earlier, "no longer matches");
        } finally {
            swap(earlier, decided);
        }
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aCutTailIsFound() {
        List<Long> tail = jdbc.queryForList("select global_index from domain_event_entry order by global_index desc "
                + "fetch first 2 rows only", Long.class);
        List<StoredEvent> saved = tail.stream().map(this::row).toList();
        try {
            jdbc.update("delete from domain_event_entry where global_index >= ?", tail.get(1));
            assertFirstMismatch(null, tail.get(1), "no longer holds it");
        } finally {
            saved.forEach(this::insert);
        }
        assertThat(verification(null).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aConsistentlyRewrittenChainIsFoundAgainstAnEarlierDigest() {
        String kept = as("ada").get("/api/audit/digest").json().path("head").asText();
        long keptLinks = Long.parseLong(kept.substring(0, kept.indexOf(':')));
        StoredEvent original = row(decided);
        List<Map<String, Object>> links = jdbc.queryForList("select position, hash from ledger_link order by position");
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    new String(original.payload(), StandardCharsets.UTF_8).replace("\"APPROVED\"", "\"REJECTED\"")
                            .getBytes(StandardCharsets.UTF_8), decided);
            rechainEverything();

            assertThat(verification(null).path("valid").asBoolean())
                    .as("a chain rewritten end to end is consistent in itself").isTrue();
            JsonNode against = verification(kept);
            assertThat(against.path("valid").asBoolean()).isFalse();
            assertThat(against.path("firstMismatch").path("position").asLong()).isEqualTo(keptLinks);
            assertThat(against.path("firstMismatch").path("problem").asText()).contains("rewritten");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original.payload(),
                    decided);
            links.forEach(link -> jdbc.update("update ledger_link set hash = ? where position = ?", link.get("hash"),
                    link.get("position")));
        }
        assertThat(verification(kept).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aConsistentlyCutChainIsFoundAgainstAnEarlierDigest() {
        String kept = as("ada").get("/api/audit/digest").json().path("head").asText();
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        StoredEvent original = row(last);
        Map<String, Object> link = jdbc.queryForMap("select * from ledger_link where global_index = ?", last);
        try {
            jdbc.update("delete from ledger_link where global_index = ?", last);
            jdbc.update("delete from domain_event_entry where global_index = ?", last);

            assertThat(verification(null).path("valid").asBoolean()).isTrue();
            JsonNode against = verification(kept);
            assertThat(against.path("valid").asBoolean()).isFalse();
            assertThat(against.path("firstMismatch").path("problem").asText()).contains("cut off");
        } finally {
            insert(original);
            jdbc.update("insert into ledger_link (position, global_index, hash, chained_at) values (?, ?, ?, ?)",
                    link.get("position"), link.get("global_index"), link.get("hash"), link.get("chained_at"));
        }
        assertThat(verification(kept).path("valid").asBoolean()).isTrue();
    }

    private void assertFirstMismatch(Long position, long globalIndex, String problem) {
        JsonNode verification = verification(null);
        assertThat(verification.path("valid").asBoolean()).isFalse();
        JsonNode mismatch = verification.path("firstMismatch");
        assertThat(mismatch.path("globalIndex").asLong()).isEqualTo(globalIndex);
        assertThat(mismatch.path("problem").asText()).contains(problem);
        if (position != null) {
            assertThat(mismatch.path("position").asLong()).isEqualTo(position);
        }
    }

    private JsonNode verification(String digest) {
        return as("ada").get("/api/audit/verification" + (digest == null ? "" : "?digest=" + digest)).json();
    }

    private StoredEvent row(long globalIndex) {
        return jdbc.queryForObject("select * from domain_event_entry where global_index = ?",
                (row, n) -> StoredEvent.read(row), globalIndex);
    }

    private void insert(StoredEvent event) {
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.globalIndex(), event.eventId(),
                event.aggregateId(), event.sequenceNumber(), event.type(), event.timestamp(), event.payloadType(),
                event.payloadRevision(), event.payload(), event.metaData());
    }

    /** Two events exchange places in the global order. */
    private void swap(long first, long second) {
        jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", first);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", first, second);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", second);
    }

    /** What an attacker with write access to both tables would do: recompute every link from the start. */
    private void rechainEverything() {
        byte[] previous = LedgerChain.GENESIS;
        for (Map<String, Object> link : jdbc.queryForList("select position, global_index from ledger_link "
                + "order by position")) {
            previous = LedgerChain.link(previous, row(((Number) link.get("global_index")).longValue()));
            jdbc.update("update ledger_link set hash = ? where position = ?", LedgerChain.hex(previous),
                    link.get("position"));
        }
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
