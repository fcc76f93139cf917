package org.mandate.app.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.app.web.PageSession;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments over HTTP (docs/conversation.md, docs/adr/0018-attachments.md): stored by content, served only as
 * downloads to those who may read the request, refused when too large or not what their name says, superseded but
 * never removed, and proven in the replay of a decision. Each test makes its own request (ana asks for equipment;
 * sofia holds the step) and its own bytes.
 */
class AttachmentsIntegrationTest extends MandateIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    InlineRebuilds rebuilds;
    private static final long MAX = 10L * 1024 * 1024;

    @Test
    void theRequesterAttaches_theHolderDownloadsTheSameBytesAsADownloadThatIsNeverSniffed() throws Exception {
        String request = submit("Microscope");
        byte[] quote = pdf("quote");
        String hash = Attachments.sha256(quote);

        HttpResponse<String> added = upload("ana").post(attachments(request), "Angebot für Mikroskop.pdf", quote,
                Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode attachment = JSON.readTree(added.body());
        assertThat(attachment.path("hash").asText()).isEqualTo(hash);
        assertThat(attachment.path("name").asText()).isEqualTo("Angebot für Mikroskop.pdf");
        assertThat(attachment.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("size").asLong()).isEqualTo(quote.length);
        assertThat(attachment.path("by").asText()).isEqualTo("ana");
        assertThat(added.headers().firstValue("Location")).hasValue(attachments(request) + "/" + hash);
        JsonNode listed = as("sofia").get("/api/requests/" + request).json().path("attachments");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("hash").asText()).isEqualTo(hash);
        assertThat(listed.get(0).hasNonNull("supersededBy")).as("a current attachment").isFalse();

        HttpResponse<byte[]> download = upload("sofia").get(attachments(request) + "/" + hash);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(quote);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; "
                + "filename=\"Angebot f_r Mikroskop.pdf\"; filename*=UTF-8''Angebot%20f%C3%BCr%20Mikroskop.pdf");
        // an auditor reads the request, so the file too
        assertThat(upload("ada").get(attachments(request) + "/" + hash).statusCode()).isEqualTo(200);
    }

    @Test
    void anHtmlFileKeptAsTextIsServedAsPlainTextToDownload_neverAsAPage() {
        String request = submit("Supplier page");
        byte[] page = ("<!doctype html><html><script>alert('" + UUID.randomUUID() + "')</script></html>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload("ana").post(attachments(request), "supplier.txt", page, Map.of()).statusCode())
                .isEqualTo(201);

        HttpResponse<byte[]> download = upload("sofia").get(attachments(request) + "/" + Attachments.sha256(page));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
    }

    @Test
    void theSameBytesAreStoredOnce_forTwoRequests_andAttachedOncePerRequest() {
        byte[] invoice = pdf("invoice");
        String hash = Attachments.sha256(invoice);
        String first = submit("Chairs");
        String second = submit("Tables");

        assertThat(upload("ana").post(attachments(first), "invoice.pdf", invoice, Map.of()).statusCode())
                .isEqualTo(201);
        assertThat(upload("ana").post(attachments(second), "same-invoice.pdf", invoice, Map.of()).statusCode())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from attachment_blob where hash = ?", Integer.class, hash))
                .isEqualTo(1);

        long events = eventCount();
        HttpResponse<String> again = upload("sofia").post(attachments(first), "copy.pdf", invoice, Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(detail(again)).contains("already attached to the request as 'invoice.pdf'");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRetriedUploadWithAnIdempotencyKeyAttachesOnce_theRetryNamingTheAttachment() {
        String request = submit("Lathe");
        byte[] quote = pdf("lathe");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        assertThat(upload("ana").post(attachments(request), "lathe.pdf", quote, Map.of(), key).statusCode())
                .isEqualTo(201);
        HttpResponse<String> retry = upload("ana").post(attachments(request), "lathe.pdf", quote, Map.of(), key);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(detail(retry)).contains("already attached to the request as 'lathe.pdf'");
        assertThat(as("ana").get("/api/requests/" + request).json().path("attachments")).hasSize(1);
    }

    @Test
    void aFileOverTheLimitIs413WithWhatToDo_andNothingIsStored() {
        String request = submit("Scanner");
        byte[] large = new byte[(int) MAX + 1];
        byte[] start = pdf("large");
        System.arraycopy(start, 0, large, 0, start.length);
        long events = eventCount();

        HttpResponse<String> refused = upload("ana").post(attachments(request), "scan.pdf", large, Map.of());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(detail(refused)).contains("larger than 10 MB", "Attach a smaller file");
        assertThat(jdbc.queryForObject("select count(*) from attachment_blob where hash = ?", Integer.class,
                Attachments.sha256(large))).isZero();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(as("ana").get("/api/requests/" + request).json().path("attachments")).isEmpty();
    }

    @Test
    void aKindOfFileNotAllowed_orBytesThatAreNotWhatTheNameSays_is415_andAnEmptyFile400() {
        String request = submit("Projector");
        long events = eventCount();

        HttpResponse<String> page = upload("ana").post(attachments(request), "offer.html",
                "<html><body>offer</body></html>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(page.statusCode()).isEqualTo(415);
        assertThat(detail(page)).contains("'offer.html' is not a kind of file Mandate keeps", ".pdf", ".png", ".docx");

        byte[] disguised = ("<!DOCTYPE html><html><script>document.cookie</script>" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> png = upload("ana").post(attachments(request), "photo.png", disguised, Map.of());
        assertThat(png.statusCode()).isEqualTo(415);
        assertThat(detail(png)).contains("named as a PNG image, but its content is an HTML page");

        HttpResponse<String> empty = upload("ana").post(attachments(request), "empty.pdf", new byte[0], Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(detail(empty)).contains("is empty");

        assertThat(jdbc.queryForObject("select count(*) from attachment_blob where hash = ?", Integer.class,
                Attachments.sha256(disguised))).isZero();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void someoneWhoMayNotReadTheRequestNeitherAttachesNorDownloads_andAnUnknownHashIs404() {
        String request = submit("Easel");
        byte[] sketch = pdf("sketch");
        String hash = Attachments.sha256(sketch);
        assertThat(upload("ana").post(attachments(request), "sketch.pdf", sketch, Map.of()).statusCode())
                .isEqualTo(201);

        HttpResponse<String> outsider = upload("ben").post(attachments(request), "mine.pdf", pdf("ben"), Map.of());
        assertThat(outsider.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> peek = upload("ben").get(attachments(request) + "/" + hash);
        assertThat(peek.statusCode()).isEqualTo(403);
        assertThat(new String(peek.body(), StandardCharsets.UTF_8)).doesNotContain("sketch").contains("detail");
        HttpResponse<String> auditor = upload("ada").post(attachments(request), "audit.pdf", pdf("ada"), Map.of());
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(detail(auditor)).contains("Only the people taking part");

        assertThat(upload("sofia").get(attachments(request) + "/" + "f".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(upload("sofia").get(attachments(UUID.randomUUID().toString()) + "/" + hash).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNewerFileSupersedesAnOlder_whichStaysReadable_andTheReplayProvesWhichOneTheApproverHad() {
        String request = submit("Kiln");
        byte[] first = pdf("kiln-quote-1");
        byte[] second = pdf("kiln-quote-2");
        byte[] afterwards = pdf("kiln-invoice");
        String firstHash = Attachments.sha256(first);
        String secondHash = Attachments.sha256(second);
        assertThat(upload("ana").post(attachments(request), "quote.pdf", first, Map.of()).statusCode()).isEqualTo(201);
        HttpResponse<String> newer = upload("ana").post(attachments(request), "quote-v2.pdf", second,
                Map.of("supersedes", firstHash));
        assertThat(newer.statusCode()).as(newer.body()).isEqualTo(201);

        JsonNode listed = as("sofia").get("/api/requests/" + request).json().path("attachments");
        assertThat(listed.get(0).path("supersededBy").asText()).isEqualTo(secondHash);
        assertThat(listed.get(1).path("supersedes").asText()).isEqualTo(firstHash);
        assertThat(upload("sofia").get(attachments(request) + "/" + firstHash).body()).isEqualTo(first);
        HttpResponse<String> twice = upload("ana").post(attachments(request), "quote-v3.pdf", pdf("kiln-quote-3"),
                Map.of("supersedes", firstHash));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(detail(twice)).contains("already superseded by 'quote-v2.pdf'");

        String step = openStep(as("ana"), request);
        assertThat(as("sofia").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "The second quote is fine")).status()).isEqualTo(200);
        assertThat(upload("ana").post(attachments(request), "invoice.pdf", afterwards, Map.of()).statusCode())
                .as("a closed request takes attachments").isEqualTo(201);

        JsonNode frames = as("ada").get("/api/audit/requests/" + request + "/replay").json().path("frames");
        JsonNode decided = null;
        for (JsonNode frame : frames) {
            if (frame.path("event").path("type").asText().equals("StepDecided")) {
                decided = frame;
            }
        }
        assertThat(decided).as("the replay has the decision").isNotNull();
        assertThat(decided.path("state").path("steps").get(0).path("decision").path("attachmentsSeen").toString())
                .isEqualTo("[\"" + secondHash + "\"]");
        JsonNode last = frames.get(frames.size() - 1);
        assertThat(last.path("event").path("words").asText()).isEqualTo("ana attached invoice.pdf");
        assertThat(last.path("state").path("attachments")).hasSize(3);
    }

    @Test
    void aCommitteeVoteIsReplayedWithTheFilesTheVoterHad() {
        // above 10000 the demo's budget committee (omar, pat, vera; 2 of 3) decides
        String request = as("ana").submit("Science wing " + UUID.randomUUID().toString().substring(0, 8), "building",
                60_000);
        byte[] plan = pdf("wing-plan");
        assertThat(upload("ana").post(attachments(request), "plan.pdf", plan, Map.of()).statusCode()).isEqualTo(201);
        String step = as("ana").get("/api/requests/" + request).json().path("steps").get(0).path("id").asText();
        assertThat(as("vera").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED")).status()).isEqualTo(200);

        JsonNode voted = null;
        for (JsonNode frame : as("ada").get("/api/audit/requests/" + request + "/replay").json().path("frames")) {
            if (frame.path("event").path("type").asText().equals("VoteCast")) {
                voted = frame;
            }
        }
        assertThat(voted).as("the replay has the vote").isNotNull();
        assertThat(voted.path("state").path("steps").get(0).path("vote").path("ballots").path("vera")
                .path("attachmentsSeen").toString()).isEqualTo("[\"" + Attachments.sha256(plan) + "\"]");
    }

    @Test
    void rebuildingTheRequestViewKeepsEveryAttachmentOnce_withWhatSupersededIt() {
        String request = submit("Loom");
        byte[] first = pdf("loom-1");
        assertThat(upload("ana").post(attachments(request), "loom.pdf", first, Map.of()).statusCode()).isEqualTo(201);
        assertThat(upload("ana").post(attachments(request), "loom-v2.pdf", pdf("loom-2"),
                Map.of("supersedes", Attachments.sha256(first))).statusCode()).isEqualTo(201);
        JsonNode before = as("ana").get("/api/requests/" + request).json().path("attachments");
        assertThat(before).hasSize(2);

        InlineRebuilds.Progress rebuilt = rebuilds.rebuild(RequestViewProjection.NAME);
        assertThat(rebuilt.failure()).isNull();

        assertThat(as("ana").get("/api/requests/" + request).json().path("attachments")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from request_attachment_view where request_id = ?",
                Integer.class, request)).isEqualTo(2);
    }

    @Test
    void thePageListsAttachmentsAndUploads_andARefusalShowsNextToTheForm() {
        String request = submit("Globe");
        PageSession sofia = PageSession.loggedIn(port, "sofia");
        String token = sofia.csrfFrom("/requests/" + request);
        assertThat(sofia.get("/requests/" + request).body()).contains("id=\"attachment-file\"", "Attach file",
                "No files are attached yet.");

        byte[] map = pdf("map");
        HttpResponse<String> added = sofia.postFile("/requests/" + request + "/attachments?_csrf=" + token,
                "map.pdf", map);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/requests/" + request + "#attachments");
        String page = sofia.get("/requests/" + request).body();
        assertThat(page).contains("&#39;map.pdf&#39; is attached to the request.", ">map.pdf</a>",
                "/requests/" + request + "/attachments/" + Attachments.sha256(map));

        HttpResponse<String> refused = sofia.postFile("/requests/" + request + "/attachments?_csrf=" + token,
                "map.png", map);
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("id=\"attachment-error\"", "named as a PNG image, but its content is a "
                + "PDF document");
        HttpResponse<String> tooLarge = sofia.postFile("/requests/" + request + "/attachments?_csrf=" + token,
                "atlas.pdf", new byte[(int) MAX + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("id=\"attachment-error\"", "larger than 10 MB");
    }

    private String submit(String what) {
        return as("ana").submit(what + " " + UUID.randomUUID().toString().substring(0, 8), "equipment", 900);
    }

    private Upload upload(String person) {
        return new Upload(port, person);
    }

    private static String attachments(String request) {
        return "/api/requests/" + request + "/attachments";
    }

    /** A small file that is a PDF as far as its first bytes go, and unique to this run. */
    private static byte[] pdf(String what) {
        return ("%PDF-1.4\n% " + what + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String detail(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("detail").asText();
        } catch (Exception notJson) {
            throw new AssertionError("not problem+json: " + response.statusCode() + " " + response.body(), notJson);
        }
    }

}
