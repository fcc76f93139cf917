package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.attachment.Upload;
import org.mandate.app.projection.ProjectionProgress;
import org.mandate.app.security.Credentials;
import org.mandate.app.web.PageSession;
import org.mandate.projections.audit.AuditEntry;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.audit.AuditTrail;
import org.mandate.projections.ledger.LedgerProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The erasure and retention scenarios, run on H2 ({@link ErasureIntegrationTest}, {@link RetentionIntegrationTest})
 * and on PostgreSQL ({@link PrivacyPostgresIntegrationTest}), and what they both ask: whether a text survives
 * anywhere in the database or the event store, and whether the ledger still verifies against a digest taken before.
 */
abstract class PrivacyIntegrationTest extends MandateIntegrationTest {

    @Autowired
    private Credentials credentials;

    @Autowired
    private RetentionJob job;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private ProjectionProgress progress;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer sealing;

    @Autowired
    @Qualifier("messageSerializer")
    private Serializer plain;

    protected String caughtUpDigest() {
        await().atMost(Duration.ofSeconds(30)).until(() -> verification(null).path("pending").asLong() == 0
                && verification(null).path("eventsChecked").asLong() == eventCount());
        return as("ada").get("/api/audit/digest").json().path("head").asText();
    }

    protected long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    protected JsonNode verification(String digest) {
        return as("ada").get("/api/audit/verification" + (digest == null ? "" : "?digest=" + digest)).json();
    }

    /** Every text column of every table, the engine's included: table.column of each cell holding the text. */
    protected List<String> textCellsContaining(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
                + "information_schema.columns where table_schema = current_schema and (lower(data_type) like "
                + "'%char%' or lower(data_type) in ('text', 'clob', 'character large object'))");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            Integer count = jdbc.queryForObject("select count(*) from \"" + table + "\" where lower(\"" + name
                    + "\") like ?", Integer.class, "%" + text.toLowerCase(Locale.ROOT) + "%");
            if (count != null && count > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    protected List<Long> storedEventsContaining(String text) {
        List<Long> found = new ArrayList<>();
        jdbc.query("select global_index, payload, meta_data from domain_event_entry", row -> {
            String payload = new String(row.getBytes("payload"), StandardCharsets.UTF_8);
            String meta = row.getBytes("meta_data") == null ? ""
                    : new String(row.getBytes("meta_data"), StandardCharsets.UTF_8);
            if (payload.contains(text) || meta.contains(text)) {
                found.add(row.getLong("global_index"));
            }
        });
        return found;
    }

    /**
     * An erasure end to end on the real store: a person who joined, asked, commented, attached files and left is
     * forgotten with four eyes; afterwards no table holds their name, texts or files, every answer shows "erased
     * person" and "[erased]", the people around them keep their own texts and files, and the ledger still verifies
     * against a digest taken before.
     */
    protected void erasureEndToEnd() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String p = "er" + suffix;
        String name = "Quirina Zephyrwood " + suffix.toUpperCase(Locale.ROOT);
        String title = "Telescope for the roof garden " + suffix;
        String description = "Needed by Quirina for the astronomy club " + suffix;
        String comment = "Quirina adds: the club meets on Fridays " + suffix;
        String sofiasWhy = "A fine idea for the club " + suffix;
        Api ivy = as("ivy");
        assertThat(ivy.postFile("/api/admin/directory/import?dryRun=false", "text/csv",
                "id,name,title,manager,email\n" + p + "," + name + ",Astronomy teacher,sofia," + p
                        + "@school.example\n").status()).isEqualTo(200);
        credentials.set(p, "demo");
        Api quirina = new Api(port, p, "demo");
        Api.Response submitted = quirina.post("/api/requests", Map.of("title", title, "category", "equipment",
                "amount", 300, "currency", "EUR", "description", description));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String request = submitted.json().path("id").asText();
        assertThat(quirina.post("/api/requests/" + request + "/comments", Map.of("text", comment)).status())
                .isEqualTo(201);
        // a file only she attached, and one that ana attached to a request of her own too
        String receiptName = "receipt-" + suffix + ".txt";
        String receipt = attach(p, request, receiptName, "Receipt for Quirina's telescope " + suffix);
        String flyer = attach(p, request, "flyer-" + suffix + ".txt", "Astronomy club flyer " + suffix);
        String anas = as("ana").post("/api/requests", Map.of("title", "Flyers for the open day " + suffix,
                "category", "equipment", "amount", 20, "currency", "EUR")).json().path("id").asText();
        assertThat(attach("ana", anas, "open-day-flyer.txt", "Astronomy club flyer " + suffix)).isEqualTo(flyer);
        assertThat(new Upload(port, "sofia").get("/api/requests/" + request + "/attachments/" + receipt)
                .statusCode()).isEqualTo(200);
        String step = openStep(as("sofia"), request);
        assertThat(as("sofia").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", sofiasWhy)).status()).isEqualTo(200);
        assertThat(ivy.post("/api/people/" + p + "/departure", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("ada").get("/api/audit/events?requestId=" + request)
                .body().contains(sofiasWhy));
        Api.Response export = as("max").post("/api/people/" + p + "/data-export", Map.of());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.json().path("directory").toString()).contains(name);
        assertThat(export.body()).contains(title).contains(description).contains(comment)
                .contains(p + "@school.example").doesNotContain("\"sealed\"");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%PersonalDataExported'", Integer.class, p)).isEqualTo(1);
        String digest = caughtUpDigest();
        assertThat(textCellsContaining(name)).as("the read models hold the name before").isNotEmpty();

        Api.Response asked = ivy.post("/api/people/" + p + "/erasure", Map.of("reason", "left; retention over"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        Api.Response sameAdmin = ivy.post("/api/people/" + p + "/erasure/approval", Map.of());
        assertThat(sameAdmin.status()).isEqualTo(403);
        assertThat(sameAdmin.contentType()).startsWith("application/problem+json");
        assertThat(sameAdmin.detail()).contains("different administrator");
        assertThat(textCellsContaining(name)).as("nothing happens before the second administrator").isNotEmpty();
        JsonNode waiting = ivy.get("/api/people/" + p + "/erasure").json();
        assertThat(waiting.path("state").asText()).isEqualTo("REQUESTED");
        assertThat(waiting.path("requestedBy").asText()).isEqualTo("ivy");
        assertThat(waiting.path("reason").asText()).isEqualTo("left; retention over");
        Api.Response approved = as("max").post("/api/people/" + p + "/erasure/approval", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("ERASED");
        JsonNode done = ivy.get("/api/people/" + p + "/erasure").json();
        assertThat(done.path("state").asText()).isEqualTo("ERASED");
        assertThat(done.path("approvedBy").asText()).isEqualTo("max");
        assertThat(done.path("erasedAt").asText()).isNotBlank();

        assertThat(count("select count(*) from attachment_blob where hash = ?", receipt))
                .as("the bytes of a file only she attached").isZero();
        var gone = new Upload(port, "sofia").get("/api/requests/" + request + "/attachments/" + receipt);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("no longer kept")
                .contains("was erased");
        assertThat(new Upload(port, "ana").get("/api/requests/" + anas + "/attachments/" + flyer).statusCode())
                .as("ana's copy of the same file stays hers").isEqualTo(200);
        for (String clear : List.of(name, title, description, comment, p + "@school.example", receiptName)) {
            assertThat(textCellsContaining(clear)).as("cells still holding '%s'", clear).isEmpty();
            assertThat(storedEventsContaining(clear)).as("stored events holding '%s'", clear).isEmpty();
        }
        JsonNode view = as("sofia").get("/api/requests/" + request).json();
        assertThat(view.path("title").asText()).isEqualTo("[erased]");
        assertThat(view.path("requester").asText()).isEqualTo(p);
        assertThat(view.toString()).contains(sofiasWhy).doesNotContain(name);
        JsonNode replay = as("ada").get("/api/audit/requests/" + request + "/replay").json();
        assertThat(replay.toString()).contains("[erased]").contains(sofiasWhy).doesNotContain(title)
                .doesNotContain(comment);
        assertThat(as("ada").get("/api/audit/events?requestId=" + request).body()).contains(sofiasWhy)
                .doesNotContain(title).doesNotContain(description);
        assertThat(jdbc.queryForObject("select name from directory_person where id = ?", String.class, p))
                .isEqualTo("erased person");
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, p)).last().asString().endsWith("PersonErased");

        await().atMost(Duration.ofSeconds(30)).until(() -> verification(null).path("pending").asLong() == 0
                && verification(null).path("eventsChecked").asLong() == eventCount());
        Api.Response afterwards = as("ivy").post("/api/people/" + p + "/data-export", Map.of());
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.body()).contains("erased person").contains("[erased]").doesNotContain(name)
                .doesNotContain(title).contains("PersonErased").contains("left; retention over");
        JsonNode after = verification(digest);
        assertThat(after.path("valid").asBoolean()).as(after.toString()).isTrue();

        Api.Response again = as("max").post("/api/people/" + p + "/erasure/approval", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    /** Attaches the text as a file and answers its hash. */
    private String attach(String person, String request, String fileName, String text) {
        var attached = new Upload(port, person).post("/api/requests/" + request + "/attachments", fileName,
                text.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        return attached.body().replaceAll(".*\"hash\"\\s*:\\s*\"([0-9a-f]{64})\".*", "$1");
    }

    /**
     * Retention end to end: a request of the one category with a period in tests (a second, see
     * MandateIntegrationTest) closes; once the period has run, the job shreds its texts and files. Afterwards no
     * table holds them in clear, every answer shows "[erased]" where they were, the ids, amounts, outcome and
     * people's names stay, the ledger still verifies against a digest taken before, and a second run changes nothing.
     */
    protected void retentionEndToEnd() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Kiln for the pottery room " + suffix;
        String description = "The old kiln cracked during the spring fair " + suffix;
        String comment = "Ana adds: the supplier delivers in May " + suffix;
        String why = "Safe and within the arts budget " + suffix;
        Api ana = as("ana");
        category(RETENTION_CHECK);
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

    /**
     * A store written before personal data was sealed is re-encrypted in place (docs/privacy.md, "Existing
     * stores"): afterwards no stored event holds the clear text, every answer still reads it, the ledger verifies, a
     * digest kept before verifies as taken before the re-encryption, and the audit trail holds the new stored form.
     */
    protected void reencryptionEndToEnd() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "Orrery for the science room " + suffix;
        String comment = "Ana adds: the brass one, please " + suffix;
        // the ledger chains these events only once they look as a store from before sealing holds them
        StreamingEventProcessor ledger = processing.eventProcessor(LedgerProjection.NAME,
                StreamingEventProcessor.class).orElseThrow();
        ledger.shutDown();
        String request;
        List<Long> legacy;
        try {
            request = as("ana").post("/api/requests", Map.of("title", title, "category", "equipment",
                    "amount", 400, "currency", "EUR")).json().path("id").asText();
            assertThat(as("ana").post("/api/requests/" + request + "/comments", Map.of("text", comment)).status())
                    .isEqualTo(201);
            assertThat(storedEventsContaining(title)).as("sealed when written").isEmpty();
            legacy = writtenInClear(request);
            assertThat(storedEventsContaining(title)).isNotEmpty();
            assertThat(storedEventsContaining(comment)).isNotEmpty();
        } finally {
            ledger.start();
        }
        String before = caughtUpDigest();
        assertThat(verification(before).path("valid").asBoolean()).isTrue();

        Api.Response run = as("ivy").post("/api/admin/re-encryption", Map.of("reason",
                "Sealing the history written before 0.2"));

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("eventsRewritten").asLong()).isEqualTo(legacy.size());
        assertThat(run.json().path("requestedBy").asText()).isEqualTo("ivy");
        assertThat(run.json().path("headBefore").asText()).isEqualTo(before.substring(before.indexOf(':') + 1));
        assertThat(storedEventsContaining(title)).isEmpty();
        assertThat(storedEventsContaining(comment)).isEmpty();
        JsonNode view = as("ana").get("/api/requests/" + request).json();
        assertThat(view.path("title").asText()).isEqualTo(title);

        JsonNode now = verification(null);
        assertThat(now.path("valid").asBoolean()).as(now.toString()).isTrue();
        assertThat(now.path("head").asText()).isNotEqualTo(before);
        JsonNode kept = verification(before);
        assertThat(kept.path("valid").asBoolean()).as(kept.toString()).isTrue();
        assertThat(kept.path("takenBefore").path("by").asText()).isEqualTo("ivy");
        assertThat(kept.path("takenBefore").path("reason").asText()).isEqualTo("Sealing the history written before 0.2");
        assertThat(kept.path("takenBefore").path("eventsRewritten").asLong()).isEqualTo(legacy.size());
        assertThat(verification(null).path("takenBefore").isObject()).as("a current digest predates nothing").isFalse();
        String page = PageSession.loggedIn(port, "ada").get("/audit/ledger?digest=" + before).body();
        assertThat(page).contains("id=\"reencrypted\"").contains("Sealing the history written before 0.2");
        String forged = before.substring(0, before.indexOf(':') + 1) + "0".repeat(64);
        assertThat(verification(forged).path("valid").asBoolean()).as("a digest that never was still fails")
                .isFalse();

        // the audit trail shows each event's stored form: rebuilt, it shows the sealed one
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(legacy).allSatisfy(index ->
                assertThat(auditTrail.list(new AuditQuery(null, null, null, null, index - 1, 1)))
                        .as("while the trail refills, a row may be missing").singleElement()
                        .extracting(AuditEntry::payload).isEqualTo(stored(index))));

        Api.Response again = as("ivy").post("/api/admin/re-encryption", Map.of("reason", "Once more"));
        assertThat(again.json().path("eventsRewritten").asLong()).as("nothing is left in clear").isZero();
        assertThat(again.json().path("headAfter").asText()).isEqualTo(again.json().path("headBefore").asText());
        assertThat(as("ivy").get("/api/admin/re-encryption").json().size()).isGreaterThanOrEqualTo(2);
    }

    /**
     * Rewrites the request's events with the plain serializer, as a store from before sealing holds them; the global
     * indexes of those that changed (the ones with a personal field).
     */
    private List<Long> writtenInClear(String request) {
        List<Long> changed = new ArrayList<>();
        for (Long index : jdbc.queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? order by global_index", Long.class, request)) {
            Map<String, Object> row = jdbc.queryForMap("select payload, payload_type, payload_revision "
                    + "from domain_event_entry where global_index = ?", index);
            byte[] stored = (byte[]) row.get("PAYLOAD");
            Object event = sealing.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                    (String) row.get("PAYLOAD_TYPE"), (String) row.get("PAYLOAD_REVISION")));
            byte[] clear = plain.serialize(event, byte[].class).getData();
            if (!Arrays.equals(stored, clear)) {
                jdbc.update("update domain_event_entry set payload = ? where global_index = ?", clear, index);
                changed.add(index);
            }
        }
        assertThat(changed).as("the submission and the comment").hasSizeGreaterThanOrEqualTo(2);
        return changed;
    }

    private String stored(long index) {
        return new String(jdbc.queryForObject("select payload from domain_event_entry where global_index = ?",
                byte[].class, index), StandardCharsets.UTF_8);
    }
}
