package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.attachment.Upload;
import org.mandate.app.security.Credentials;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure end to end on the real store: a person who joined, asked, commented and left is forgotten with four
 * eyes; afterwards no table holds their name or texts in clear, every answer shows "erased person" and "[erased]",
 * the people around them keep their own texts, and the ledger still verifies against a digest taken before.
 */
class ErasureIntegrationTest extends PrivacyIntegrationTest {

    @Autowired
    private Credentials credentials;

    @Test
    void anErasedLeaverLeavesNoClearCopyAndTheProofStillHolds() {
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
        Api.Response approved = as("max").post("/api/people/" + p + "/erasure/approval", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("ERASED");

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

    @Test
    void onlySomeoneWhoLeftCanBeErasedAndOnlyWhenAsked() {
        long before = eventCount();
        Api.Response stillHere = as("ivy").post("/api/people/ben/erasure", Map.of("reason", "test"));
        assertThat(stillHere.status()).isEqualTo(409);
        assertThat(stillHere.detail()).contains("record their departure first");
        Api.Response noReason = as("ivy").post("/api/people/ben/erasure", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response notAsked = as("max").post("/api/people/ben/erasure/approval", Map.of());
        assertThat(notAsked.status()).isEqualTo(409);
        assertThat(notAsked.detail()).contains("Nobody asked");
        Api.Response nobody = as("ivy").post("/api/people/nobody-here/erasure", Map.of("reason", "test"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(as("ben").post("/api/people/ben/erasure", Map.of("reason", "test")).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }
}
