package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.projections.audit.AuditEntry;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trail answers who decided, under whose authority and why, for auditors only, and exports as a stream. */
class AuditTrailIntegrationTest extends MandateIntegrationTest {

    @Autowired
    private AuditTrail auditTrail;

    @Test
    void everyEventOfARequestIsFlattenedWithWhoWhatAndWhy() {
        String id = as("ana").submit("Microscope slides", "equipment", 300);
        String step = openStep(as("ana"), id);
        as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED", "rationale", "Slides wear out"));

        JsonNode events = awaitEvents(id, 4);

        assertThat(types(events)).containsExactly("RequestSubmitted", "StepOpened", "StepDecided", "RequestApproved");
        JsonNode submitted = events.get(0);
        assertThat(submitted.path("actor").asText()).isEqualTo("ana");
        assertThat(submitted.path("payload").path("title").asText()).isEqualTo("Microscope slides");
        JsonNode opened = events.get(1);
        assertThat(opened.path("stepId").asText()).isEqualTo(step);
        assertThat(opened.path("processVersion").asText()).startsWith("approval:");
        JsonNode decided = events.get(2);
        assertThat(decided.path("actor").asText()).isEqualTo("sofia");
        assertThat(decided.path("rationale").asText()).isEqualTo("Slides wear out");
        assertThat(decided.path("requestId").asText()).isEqualTo(id);
        assertThat(decided.path("globalIndex").asLong()).isGreaterThan(opened.path("globalIndex").asLong());
    }

    @Test
    void theTrailShowsEachEventAsTheStoreRecordedIt() {
        String id = as("ana").submit("Beakers", "equipment", 5000);
        awaitEvents(id, 2);

        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                Long.class, head);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from audit_event "
                + "where global_index <= ?", Long.class, head) == stored);
        Map<Long, AuditEntry> trail = new HashMap<>();
        auditTrail.stream(new AuditQuery(null, null, null, null, null),
                entry -> trail.put(entry.globalIndex(), entry));
        List<String> differing = new ArrayList<>();
        jdbc.query("select * from domain_event_entry where global_index <= ?", row -> {
            AuditEntry entry = trail.get(row.getLong("global_index"));
            boolean domain = row.getString("type") != null;
            if (entry == null || !entry.eventId().equals(row.getString("event_identifier"))
                    || !Objects.equals(entry.aggregateType(), row.getString("type"))
                    || !Objects.equals(entry.aggregateId(), domain ? row.getString("aggregate_identifier") : null)
                    || !Objects.equals(entry.sequence(), domain ? row.getLong("sequence_number") : null)
                    || !entry.payload().equals(text(row.getBytes("payload")))
                    || !Objects.equals(entry.metaData(), text(row.getBytes("meta_data")))) {
                differing.add(row.getString("global_index"));
            }
        }, head);
        assertThat(differing).as("stored events missing from the trail, or shown otherwise than stored").isEmpty();
        assertThat(trail).hasSizeGreaterThan(10);
        // the principal's authority was recorded as 50000; read back and written out again it showed as 5E+4
        // (looked for at the limit itself: the sealed name and title are base64, in which "E+" turns up by chance)
        assertThat(trail.values()).filteredOn(entry -> entry.type().equals("PersonJoined")
                        && "pat".equals(entry.aggregateId())).singleElement().extracting(AuditEntry::payload)
                .asString().contains("\"limits\":{\"*\":50000}").doesNotContainPattern("\"limits\":\\{[^}]*E\\+");
    }

    @Test
    void filtersByActorAndTime() {
        String id = as("ben").submit("Clay", "supplies", 120);
        String step = openStep(as("ben"), id);
        as("liam").post(decision(id, step), Map.of("outcome", "REJECTED", "rationale", "We have clay left"));
        awaitEvents(id, 4);

        JsonNode byLiam = as("ada").get("/api/audit/events?actor=liam&requestId=" + id).json();
        assertThat(types(byLiam)).containsExactly("StepDecided");
        String decidedAt = byLiam.get(0).path("at").asText();
        JsonNode before = as("ada").get("/api/audit/events?requestId=" + id + "&to=" + decidedAt).json();
        assertThat(types(before)).containsExactly("RequestSubmitted", "StepOpened");
        JsonNode after = as("ada").get("/api/audit/events?requestId=" + id + "&from=" + decidedAt).json();
        assertThat(types(after)).containsExactly("StepDecided", "RequestRejected");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        assertThat(as("ana").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(as("pat").get("/api/audit/digest").status()).isEqualTo(403);
        assertThat(as("olu").get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/audit/events.csv").status()).isEqualTo(401);
        assertThat(as("ada").get("/api/audit/digest").status()).isEqualTo(200);
        assertThat(as("ivy").get("/api/audit/events?limit=1").status()).isEqualTo(200);
    }

    @Test
    void badFiltersAreRefusedWithTheFormatToUse() {
        Api.Response time = as("ada").get("/api/audit/events?from=yesterday");
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.detail()).contains("2026-03-01", "yesterday");
        assertThat(time.json().path("field").asText()).isEqualTo("from");
        Api.Response range = as("ada").get("/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.detail()).contains("must be before");
        assertThat(as("ada").get("/api/audit/events.csv?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aDayOrATimeWithoutAZoneIsReadAsUtc() {
        assertThat(Instants.parse("from", "2026-12-01")).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Instants.parse("from", "2026-12-01T09:30")).isEqualTo(
                java.time.Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(as("ada").get("/api/audit/events?from=2026-12-01&limit=1").status()).isEqualTo(200);
    }

    @Test
    void csvExportStreamsEveryMatchingRowWithoutBuildingItInMemory() throws Exception {
        String actor = "export-" + UUID.randomUUID();
        int count = 5_000;
        long base = -10_000_000L;
        List<Object[]> events = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String event = UUID.randomUUID().toString();
            events.add(new Object[]{base - i, event, event, 0, "2001-01-01T00:00:00Z", "SyntheticForExport",
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)});
            rows.add(new Object[]{base - i, "SyntheticForExport", actor,
                    Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), "=1+1, \"quoted\""});
        }
        try {
            // a trail row points at its stored event: both are written, below every real global index
            jdbc.batchUpdate("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                    + "sequence_number, time_stamp, payload_type, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    events);
            jdbc.batchUpdate("insert into audit_event (global_index, event_type, actor, occurred_at, rationale) "
                    + "values (?, ?, ?, ?, ?)", rows);

            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/audit/events.csv?actor=" + actor))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(response.headers().firstValue("Content-Length")).isEmpty();
            assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
            long lines = 0;
            String first = null;
            String second = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (lines == 0) {
                        first = line;
                    } else if (lines == 1) {
                        second = line;
                    }
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(count + 1);
            assertThat(first).startsWith("globalIndex,at,type,actor,onBehalfOf,mandateId,requestId");
            assertThat(second).contains(actor, "\"'=1+1, \"\"quoted\"\"\"");
        } finally {
            jdbc.update("delete from audit_event where actor = ?", actor);
            jdbc.update("delete from domain_event_entry where payload_type = 'SyntheticForExport'");
        }
    }

    private JsonNode awaitEvents(String requestId, int count) {
        JsonNode[] events = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            events[0] = as("ada").get("/api/audit/events?requestId=" + requestId).json();
            return events[0].size() >= count;
        });
        return events[0];
    }

    private static String text(byte[] stored) {
        return stored == null ? null : new String(stored, StandardCharsets.UTF_8);
    }

    static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
