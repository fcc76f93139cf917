package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trail answers who decided, under whose authority and why, for auditors only, and exports as a stream. */
class AuditTrailIntegrationTest extends MandateIntegrationTest {

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
    void theTrailKeepsEachEventAsTheStoreRecordedIt() {
        String id = as("ana").submit("Beakers", "equipment", 5000);
        awaitEvents(id, 2);

        List<String> differing = new ArrayList<>();
        jdbc.query("select e.global_index, e.payload, e.meta_data, a.payload as trail_payload, "
                + "a.meta_data as trail_meta_data from domain_event_entry e "
                + "join audit_event a on a.global_index = e.global_index", row -> {
            if (!new String(row.getBytes("payload"), StandardCharsets.UTF_8).equals(row.getString("trail_payload"))
                    || !new String(row.getBytes("meta_data"), StandardCharsets.UTF_8)
                    .equals(row.getString("trail_meta_data"))) {
                differing.add(row.getString("global_index"));
            }
        });
        assertThat(differing).as("events whose trail row differs from the stored event").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isGreaterThan(10);
        // the principal's authority was recorded as 50000; read back and written out again it showed as 5E+4
        // (looked for at the limit itself: the sealed name and title are base64, in which "E+" turns up by chance)
        assertThat(jdbc.queryForObject("select payload from audit_event where event_type = 'PersonJoined' "
                + "and aggregate_id = 'pat'", String.class)).contains("\"limits\":{\"*\":50000}")
                .doesNotContainPattern("\"limits\":\\{[^}]*E\\+");
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
        int rows = 5_000;
        long base = -10_000_000L;
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[]{base - i, UUID.randomUUID().toString(), "SyntheticForExport", actor,
                    Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), "=1+1, \"quoted\"", "{\"n\":" + i + "}"});
        }
        try {
            jdbc.batchUpdate("insert into audit_event (global_index, event_id, event_type, actor, occurred_at, "
                    + "rationale, payload) values (?, ?, ?, ?, ?, ?, ?)", batch);

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
            assertThat(lines).isEqualTo(rows + 1);
            assertThat(first).startsWith("globalIndex,at,type,actor,onBehalfOf,mandateId,requestId");
            assertThat(second).contains(actor, "\"'=1+1, \"\"quoted\"\"\"");
        } finally {
            jdbc.update("delete from audit_event where actor = ?", actor);
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

    static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
