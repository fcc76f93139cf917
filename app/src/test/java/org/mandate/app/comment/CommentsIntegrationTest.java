package org.mandate.app.comment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.mail.ReceivedMail;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.app.web.PageSession;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Comments over HTTP (docs/conversation.md): who may comment, what the request view, the audit trail, the past
 * decisions and a mentioned person's mail make of a comment, and that a rebuild of the request view keeps them. Each
 * test makes its own request (ana asks for equipment; sofia holds the step).
 */
class CommentsIntegrationTest extends MandateIntegrationTest {

    @Autowired
    InlineRebuilds rebuilds;

    @Test
    void theHolderAndTheRequesterComment_andTheRequestListsTheirCommentsInOrder() {
        String title = "Microscope " + UUID.randomUUID().toString().substring(0, 8);
        String request = as("ana").submit(title, "equipment", 1500);

        Api.Response asked = as("sofia").post("/api/requests/" + request + "/comments",
                Map.of("text", "@ana which supplier is this from? @nobody-here knows"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("author").asText()).isEqualTo("sofia");
        assertThat(asked.json().path("text").asText()).isEqualTo("@ana which supplier is this from? @nobody-here knows");
        assertThat(asked.json().path("mentions").toString()).as("an unknown @name stays text").isEqualTo("[\"ana\"]");
        assertThat(asked.json().path("id").asText()).isNotBlank();

        Api.Response answered = as("ana").post("/api/requests/" + request + "/comments",
                Map.of("text", "From Optika; the quote holds until Friday.\nThe older one broke."));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);

        JsonNode comments = as("sofia").get("/api/requests/" + request).json().path("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).path("author").asText()).isEqualTo("sofia");
        assertThat(comments.get(1).path("author").asText()).isEqualTo("ana");
        assertThat(comments.get(1).path("text").asText()).contains("\nThe older one broke.");
        assertThat(comments.get(1).path("mentions")).isEmpty();
    }

    @Test
    void aMentionMailsTheMentionedPersonWithTheComment() {
        String title = "Beakers " + UUID.randomUUID().toString().substring(0, 8);
        String request = as("ana").submit(title, "equipment", 400);

        assertThat(as("sofia").post("/api/requests/" + request + "/comments",
                Map.of("text", "@ana is this the borosilicate kind?")).status()).isEqualTo(201);

        ReceivedMail mail;
        try {
            mail = await("ana is told she was mentioned").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> ReceivedMail.to(MAIL, "ana@school.example").stream()
                            .filter(received -> received.subject().contains("mentioned you on ‘" + title)).findFirst()
                            .orElse(null), found -> found != null);
        } catch (org.awaitility.core.ConditionTimeoutException late) {
            throw new AssertionError("No mention mail; the outbox knows the request: "
                    + jdbc.queryForList("select * from mail_request where request_id = ?", request)
                    + "; its notices: " + jdbc.queryForList("select * from mail_notice where request_id = ?", request)
                    + "; ana's latest notices: " + jdbc.queryForList("select kind, status, created_at, send_after, "
                    + "last_error from mail_notice where recipient = 'ana' order by created_at desc limit 5")
                    + "; notices waiting: " + jdbc.queryForList("select status, count(*) from mail_notice group by status")
                    + "; ana's choices: " + jdbc.queryForList("select * from notification_preference where person_id = 'ana'")
                    + "; tokens: " + jdbc.queryForList("select processor_name, segment, owner from token_entry"),
                    late);
        }
        assertThat(mail.subject()).isEqualTo("Sofia Reyes mentioned you on ‘" + title + "’");
        assertThat(mail.text()).contains("Sofia Reyes wrote: “@ana is this the borosilicate kind?”",
                "Open in Mandate: http://mandate.test/requests/" + request);
        assertThat(jdbc.queryForObject("select count(*) from mail_notice where request_id = ? and kind = 'MENTIONED'",
                Integer.class, request)).isEqualTo(1);
    }

    @Test
    void someoneTakingNoPartIsRefusedWithAProblemThatSaysWhoMay_andNothingIsRecorded() {
        String request = as("ana").submit("Chairs " + UUID.randomUUID().toString().substring(0, 8), "equipment", 300);
        long events = eventCount();

        Api.Response outsider = as("ben").post("/api/requests/" + request + "/comments", Map.of("text", "Cheaper here"));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.contentType()).startsWith("application/problem+json");
        assertThat(outsider.detail()).contains("Only the people taking part in a request comment on it",
                "Ask one of them to add what you want to say.");

        Api.Response auditor = as("ada").post("/api/requests/" + request + "/comments", Map.of("text", "Noted"));
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.detail()).contains("You may read it");

        Api.Response empty = as("ana").post("/api/requests/" + request + "/comments", Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.detail()).isEqualTo("Write your comment: the text is empty.");

        Api.Response control = as("ana").post("/api/requests/" + request + "/comments", Map.of("text", "bad\u0007bell"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.detail()).contains("The field 'text' contains a control character");

        Api.Response tooLong = as("ana").post("/api/requests/" + request + "/comments", Map.of("text", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).contains("4001 characters long; keep it to 4000");

        Api.Response nowhere = as("ana").post("/api/requests/" + UUID.randomUUID() + "/comments", Map.of("text", "Hi"));
        assertThat(nowhere.status()).isEqualTo(404);

        assertThat(eventCount()).isEqualTo(events);
        assertThat(as("ana").get("/api/requests/" + request).json().path("comments")).isEmpty();
    }

    @Test
    void aClosedRequestTakesComments_andTheTrailAndPastDecisionsFindThem() {
        String word = "zebrafish" + UUID.randomUUID().toString().substring(0, 6);
        String request = as("ana").submit("Aquarium " + word.substring(9), "equipment", 500);
        String step = openStep(as("ana"), request);
        assertThat(as("sofia").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "Good for biology")).status()).isEqualTo(200);
        assertThat(as("ana").get("/api/requests/" + request).json().path("status").asText()).isEqualTo("APPROVED");

        Api.Response after = as("ana").post("/api/requests/" + request + "/comments",
                Map.of("text", "Delivered; the " + word + " moved in."));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);

        await("the audit trail has the comment").atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode events = as("ada").get("/api/audit/events?requestId=" + request).json();
            for (JsonNode event : events.isArray() ? events : events.path("events")) {
                if (event.path("type").asText().equals("RequestCommented")) {
                    return event.path("actor").asText().equals("ana")
                            && event.path("rationale").asText().contains(word);
                }
            }
            return false;
        });
        await("past decisions find the decision by the comment's word").atMost(Duration.ofSeconds(30)).until(() ->
                as("ada").get("/api/audit/decisions?q=" + word).json().findValuesAsText("requestId").contains(request));
        assertThat(PageSession.loggedIn(port, "ada").get("/audit?requestId=" + request).body())
                .contains("Commented", "Delivered; the " + word + " moved in.");
    }

    @Test
    void rebuildingTheRequestViewKeepsEveryCommentOnce() {
        String request = as("ana").submit("Kiln " + UUID.randomUUID().toString().substring(0, 8), "equipment", 700);
        assertThat(as("sofia").post("/api/requests/" + request + "/comments",
                Map.of("text", "@ana does it need its own circuit?")).status()).isEqualTo(201);
        JsonNode before = as("ana").get("/api/requests/" + request).json().path("comments");
        assertThat(before).hasSize(1);

        InlineRebuilds.Progress rebuilt = rebuilds.rebuild(RequestViewProjection.NAME);
        assertThat(rebuilt.failure()).isNull();

        JsonNode after = as("ana").get("/api/requests/" + request).json().path("comments");
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from request_comment_view where request_id = ?",
                Integer.class, request)).isEqualTo(1);
    }

    @Test
    void thePageAddsAComment_andShowsARefusalNextToTheFieldWithTheTextKept() {
        String request = as("ana").submit("Globe " + UUID.randomUUID().toString().substring(0, 8), "equipment", 250);
        PageSession sofia = PageSession.loggedIn(port, "sofia");
        String token = sofia.csrfFrom("/requests/" + request);
        assertThat(sofia.get("/requests/" + request).body()).contains("id=\"comment-text\"", "Add comment");

        HttpResponse<String> added = sofia.postForm("/requests/" + request + "/comments",
                Map.of("_csrf", token, "text", "@ana political or physical?"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/requests/" + request + "#timeline");
        String page = sofia.get("/requests/" + request).body();
        assertThat(page).contains("It mentions Ana Costa", "commented, mentioning Ana Costa",
                "@ana political or physical?");

        assertThat(sofia.postForm("/requests/" + request + "/comments", Map.of("_csrf", token,
                "text", "<script>alert(1)</script> is text")).statusCode()).isEqualTo(302);
        assertThat(sofia.get("/requests/" + request).body()).as("a comment is shown as text, never as markup")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; is text").doesNotContain("<script>alert(1)");

        HttpResponse<String> empty = sofia.postForm("/requests/" + request + "/comments",
                Map.of("_csrf", token, "text", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"comment-error\"", "Write your comment: the text is empty.",
                "aria-invalid=\"true\"");

        // vera reads her team's requests but takes no part in this one: the refusal is on the page, her text kept
        PageSession vera = PageSession.loggedIn(port, "vera");
        String veraToken = vera.csrfFrom("/requests/" + request);
        assertThat(vera.get("/requests/" + request).body()).doesNotContain("id=\"comment-text\"");
        HttpResponse<String> refused = vera.postForm("/requests/" + request + "/comments",
                Map.of("_csrf", veraToken, "text", "Fine by me"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only the people taking part", ">Fine by me</textarea>");
    }
}
