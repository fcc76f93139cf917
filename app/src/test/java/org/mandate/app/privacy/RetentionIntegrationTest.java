package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.attachment.Upload;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.app.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention end to end: a request of the one category with a period in tests (a second, see MandateIntegrationTest)
 * closes; once the period has run, the job shreds its texts. Afterwards no table holds them in clear, every answer
 * shows "[erased]" where they were, the ids, amounts, outcome and people's names stay, the ledger still verifies
 * against a digest taken before, and a second run changes nothing.
 */
class RetentionIntegrationTest extends PrivacyIntegrationTest {

    @Autowired
    private RetentionJob job;

    @Autowired
    private ProjectionProgress progress;

    @Test
    void aClosedRequestPastItsRetentionIsShreddedOnceAndTheProofStillHolds() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Kiln for the pottery room " + suffix;
        String description = "The old kiln cracked during the spring fair " + suffix;
        String comment = "Ana adds: the supplier delivers in May " + suffix;
        String why = "Safe and within the arts budget " + suffix;
        Api ana = as("ana");
        Api.Response submitted = ana.post("/api/requests", Map.of("title", title, "category", RETENTION_CHECK,
                "amount", 400, "currency", "EUR", "description", description));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String request = submitted.json().path("id").asText();
        assertThat(ana.post("/api/requests/" + request + "/comments", Map.of("text", comment)).status())
                .isEqualTo(201);
        String fileName = "kiln-quote-" + suffix + ".txt";
        byte[] quote = ("Kiln quote " + suffix + ": 400 EUR").getBytes(StandardCharsets.UTF_8);
        var attached = new Upload(port, "ana").post("/api/requests/" + request + "/attachments", fileName, quote,
                Map.of());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String hash = attached.body().replaceAll(".*\"hash\"\\s*:\\s*\"([0-9a-f]{64})\".*", "$1");
        assertThat(hash).as(attached.body()).matches("[0-9a-f]{64}");
        Api sofia = as("sofia");
        String step = openStep(sofia, request);
        assertThat(sofia.post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", why)).status()).isEqualTo(200);
        assertThat(ana.get("/api/requests/" + request).json().path("status").asText()).isEqualTo("APPROVED");
        // the background read models have taken in the whole request before its period ends
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String trail = as("ada").get("/api/audit/events?requestId=" + request).body();
            return trail.contains(why) && trail.contains("RequestApproved")
                    && count("select count(*) from knowledge_decision where request_id = ?", request) == 1
                    && count("select count(*) from knowledge_comment where request_id = ?", request) == 1;
        });
        assertThat(progress.awaitProcessed(List.of("audit-trail", "decision-knowledge", "mail-outbox",
                "webhook-outbox", "insights"), progress.head(), Duration.ofSeconds(30)))
                .as("the background projections caught up").isTrue();
        String digest = caughtUpDigest();
        List<String> texts = List.of(title, description, comment, why, fileName);
        assertThat(textCellsContaining(title)).as("the read models hold the title before").isNotEmpty();
        Instant closed = jdbc.queryForObject("select closed_at from request_view where id = ?", Timestamp.class,
                request).toInstant();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(closed.plusSeconds(1)));
        long eventsOfTheRequest = count("select count(*) from domain_event_entry where aggregate_identifier = ?",
                request);

        RetentionJob.Run run = job.runOnce();

        assertThat(run.shredded()).as(run.toString()).isGreaterThanOrEqualTo(1);
        assertThat(run.failed()).isZero();
        assertThat(run.waiting()).isZero();
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, request)).hasSize((int) eventsOfTheRequest + 1).last()
                .asString().endsWith("RequestDataShredded");
        assertThat(jdbc.queryForMap("select category, retention from request_shredded where request_id = ?",
                request)).containsEntry("CATEGORY", RETENTION_CHECK).containsEntry("RETENTION", "PT1S");
        assertThat(jdbc.queryForList("select wrapped_key from personal_key where subject = ?", String.class,
                "request:" + request)).containsExactly((String) null);
        for (String clear : texts) {
            assertThat(textCellsContaining(clear)).as("cells still holding '%s'", clear).isEmpty();
            assertThat(storedEventsContaining(clear)).as("stored events holding '%s'", clear).isEmpty();
        }

        JsonNode view = ana.get("/api/requests/" + request).json();
        assertThat(view.path("title").asText()).isEqualTo("[erased]");
        assertThat(view.path("description").asText()).isEqualTo("[erased]");
        assertThat(view.path("status").asText()).isEqualTo("APPROVED");
        assertThat(view.path("category").asText()).isEqualTo(RETENTION_CHECK);
        assertThat(view.path("amount").decimalValue()).isEqualByComparingTo("400");
        assertThat(view.path("requester").asText()).isEqualTo("ana");
        JsonNode decision = view.path("steps").get(0).path("decision");
        assertThat(decision.path("decidedBy").asText()).isEqualTo("sofia");
        assertThat(decision.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("rationale").asText()).isEqualTo("[erased]");
        assertThat(view.toString()).doesNotContain(suffix);
        JsonNode replay = as("ada").get("/api/audit/requests/" + request + "/replay").json();
        assertThat(replay.toString()).contains("[erased]").contains("RequestDataShredded").doesNotContain(suffix);
        assertThat(as("ada").get("/api/audit/events?requestId=" + request).body()).contains("[erased]")
                .doesNotContain(suffix);
        String page = PageSession.loggedIn(port, "ana").get("/requests/" + request).body();
        assertThat(page).contains("[erased]").contains("shredded the request").contains("PT1S after closing")
                .doesNotContain(suffix);
        assertThat(jdbc.queryForObject("select name from directory_person where id = 'ana'", String.class))
                .as("the people stay: only the request's texts are gone").isEqualTo("Ana Costa");

        assertThat(count("select count(*) from attachment_blob where hash = ?", hash)).as("the file's bytes")
                .isZero();
        assertThat(view.path("attachments").get(0).path("hash").asText()).as("the proof stays").isEqualTo(hash);
        var download = new Upload(port, "ana").get("/api/requests/" + request + "/attachments/" + hash);
        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("no longer kept");
        var lateFile = new Upload(port, "ana").post("/api/requests/" + request + "/attachments", "late.txt",
                "Delivered".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(lateFile.statusCode()).as(lateFile.body()).isEqualTo(409);

        Api.Response lateComment = ana.post("/api/requests/" + request + "/comments", Map.of("text", "Delivered"));
        assertThat(lateComment.status()).as(lateComment.toString()).isEqualTo(409);
        assertThat(lateComment.contentType()).startsWith("application/problem+json");
        assertThat(lateComment.detail()).contains("shredded").contains("takes no new comments");

        RetentionJob.Run again = job.runOnce();
        assertThat(again.shredded()).as("a second run finds nothing to shred").isZero();
        assertThat(count("select count(*) from domain_event_entry where aggregate_identifier = ?", request))
                .isEqualTo(eventsOfTheRequest + 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> verification(null).path("pending").asLong() == 0
                && verification(null).path("eventsChecked").asLong() == eventCount());
        JsonNode verified = verification(digest);
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        for (String clear : texts) {
            assertThat(textCellsContaining(clear)).as("cells holding '%s' after the trail caught up", clear)
                    .isEmpty();
        }
        String metrics = new Api(port, "prometheus", SCRAPE_PASSWORD).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("mandate_retention_shredded_total\\{[^}]*policy=\""
                + RETENTION_CHECK + "\"[^}]*} [1-9]").contains("mandate_retention_waiting")
                .containsPattern("mandate_retention_last_run_seconds(\\{[^}]*})? [1-9]");
    }
}
