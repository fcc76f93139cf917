package org.mandate.app.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.ChatReceiver;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chat end to end: real commands through HTTP, the outbox processor, the chat dispatcher posting to a real HTTP
 * server on 127.0.0.1 (the shared context posts Slack's shape to {@link MandateIntegrationTest#CHAT}). Each test
 * hires its own head and teacher, so each finds its posts by its request's title.
 */
class ChatIntegrationTest extends OutboxIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void hire() {
        hireHeadAndTeacher("c");
    }

    @Test
    void aStepArrivingIsPostedInSlacksShapeWithALinkToTheRequestOnly_andAReplayedEventIsNotPostedTwice() {
        String title = "Chat microscopes " + teacher;
        String requestId = as(teacher).submit(title, "equipment", 1500);

        JsonNode post = awaitPost("Waiting for " + head + ": ‘" + title + "’");
        assertThat(post.path("text").asText()).isEqualTo("Waiting for " + head + ": ‘" + title + "’ from " + teacher
                + " http://mandate.test/requests/" + requestId);
        JsonNode blocks = post.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*Waiting for " + head + ": ‘" + title
                + "’ from " + teacher + "*\nThe approval path put its step ‘Approval’ in front of " + head + ".");
        List<String> fields = blocks.get(1).path("fields").findValuesAsText("text");
        assertThat(fields).contains("*Request*\n" + title, "*Requester*\n" + teacher, "*Amount*\n1,500.00 EUR");
        assertThat(fields).anyMatch(field -> field.startsWith("*Due*\n"));
        JsonNode button = blocks.get(2).path("elements").get(0);
        assertThat(button.path("url").asText()).isEqualTo("http://mandate.test/requests/" + requestId);
        assertThat(postsAbout(title).toString()).as("a channel is shared: no link that decides")
                .doesNotContain("/mail/act/");
        assertThat(CHAT.posts().stream().filter(each -> each.body().contains(title)).findFirst().orElseThrow()
                .contentType()).startsWith("application/json");

        // the outbox reads the StepOpened event again (its token moved back before it), as after a crash
        String eventId = jdbc.queryForObject("select event_id from chat_notice where request_id = ? and kind = ?",
                String.class, requestId, ChatNotices.STEP_ARRIVED);
        replayOutboxFrom(eventId);
        String later = "Chat slides " + teacher;
        as(teacher).submit(later, "equipment", 100);
        awaitPost("Waiting for " + head + ": ‘" + later + "’");

        assertThat(postsAbout("Waiting for " + head + ": ‘" + title + "’")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from chat_notice where event_id = ?", Integer.class, eventId))
                .isEqualTo(1);
    }

    @Test
    void aPostTheChatServerRefusesWithA500IsRetriedUntilItIsTaken_andPostedOnce() {
        String title = "Chat kiln " + teacher;
        CHAT.failNext(2, title);
        String requestId = as(teacher).submit(title, "equipment", 700);

        awaitPost("Waiting for " + head + ": ‘" + title + "’");
        assertThat(CHAT.refused().stream().filter(each -> each.body().contains(title))).hasSize(2);
        assertThat(postsAbout(title)).hasSize(1);
        Map<String, Object> row = jdbc.queryForMap("select status, attempts, last_status from chat_notice where "
                + "request_id = ? and kind = ?", requestId, ChatNotices.STEP_ARRIVED);
        assertThat(row).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS", 200);
        assertThat(as("ivy").get("/actuator/prometheus").body()).contains("mandate_chat_total{outcome=\"retry\"",
                "mandate_chat_total{outcome=\"sent\"", "mandate_chat_backlog_age_seconds");
    }

    @Test
    void theBacklogGaugesReadNothingDueAsNoBacklog() {
        // nothing was due at the epoch: min() over no rows is one row holding null, which the gauges once threw on
        assertThat(new ChatNotices(jdbc).oldestPending(Instant.EPOCH)).isNull();
        assertThat(new MailNotices(jdbc).oldestPending(Instant.EPOCH)).isNull();
    }

    @Test
    void aChatServerThatIsDownDelaysPostsButNoDecision_andAnAdministratorRetriesAFailedPost() {
        String title = "Chat easel " + teacher;
        CHAT.down();
        String requestId;
        try {
            requestId = as(teacher).submit(title, "equipment", 300);
            String step = openStep(as(teacher), requestId);
            await("a failed attempt recorded").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from chat_notice where request_id = ? and attempts > 0 and status = 'PENDING' "
                            + "and last_error like 'no answer%'", Integer.class, requestId) == 1);
            Api.Response decided = as(head).post("/api/requests/" + requestId + "/steps/" + step + "/decision",
                    Map.of("outcome", "APPROVED", "rationale", "Chat or not"));
            assertThat(decided.status()).as("a decision does not wait for chat").isEqualTo(200);
            // The outbox learns of the decision a moment after it was taken. A retry that looked before then still
            // finds the step with the head and posts it, if the server is back by the time it connects: so the
            // server comes back only once the outbox knows, and no try that looked earlier is still under way.
            await("the outbox knows the step was decided").atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.queryForObject("select count(*) from mail_step where step_id = ?", Integer.class, step) == 0
                            && jdbc.queryForObject("select count(*) from chat_notice where request_id = ? and kind = ? "
                                    + "and claimed_until is not null", Integer.class, requestId,
                            ChatNotices.STEP_ARRIVED) == 0);
        } finally {
            CHAT.up();
        }
        JsonNode approved = awaitPost("‘" + title + "’ from " + teacher + " was approved");
        assertThat(approved.path("blocks").get(0).path("text").path("text").asText())
                .contains("Approved by " + head + ": “Chat or not”");
        // the step was decided before its post could go: posting it now would only mislead. It is skipped at its
        // next try. The backoff between tries doubles, so that try may be minutes away on a slow machine: the test
        // brings it forward rather than waiting out the backoff
        try {
            await("the stale post skipped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        jdbc.update("update chat_notice set send_after = ? where request_id = ? and kind = ? "
                                + "and status = 'PENDING'", Timestamp.from(Instant.now()), requestId,
                                ChatNotices.STEP_ARRIVED);
                        return jdbc.queryForObject("select status from chat_notice where request_id = ? and kind = ?",
                                String.class, requestId, ChatNotices.STEP_ARRIVED).equals(ChatNotices.SKIPPED);
                    });
        } catch (ConditionTimeoutException notSkipped) { // what the next person needs to see, should it come back
            throw new AssertionError("the stale post was not skipped: " + jdbc.queryForMap("select status, attempts, "
                    + "send_after, claimed_until, last_error from chat_notice where request_id = ? and kind = ?",
                    requestId, ChatNotices.STEP_ARRIVED) + "; due before it: " + jdbc.queryForObject("select count(*) "
                    + "from chat_notice where status = 'PENDING' and send_after <= ?", Integer.class,
                    Timestamp.from(Instant.now())), notSkipped);
        }
        assertThat(postsAbout("Waiting for " + head + ": ‘" + title)).isEmpty();

        // a post the server refused for a whole day is failed; an administrator posts it again
        String noticeId = jdbc.queryForObject("select notice_id from chat_notice where request_id = ? and kind = ?",
                String.class, requestId, ChatNotices.REQUEST_DECIDED);
        Api.Response notFailed = as("ivy").post("/api/admin/chat/notices/" + noticeId + "/retry", Map.of());
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.detail()).contains("only a failed post is sent again");
        jdbc.update("update chat_notice set status = 'FAILED', last_error = 'the chat server answered 500' "
                + "where notice_id = ?", noticeId);
        Api.Response failed = as("ivy").get("/api/admin/chat/notices?status=failed");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).contains(noticeId, "the chat server answered 500");
        assertThat(as(head).get("/api/admin/chat/notices").status()).isEqualTo(403);
        assertThat(as("ivy").get("/api/admin/chat/notices?status=LOST").detail()).contains("status must be one of");

        PageSession admin = PageSession.loggedIn(port, "ivy");
        HttpResponse<String> page = admin.get("/admin/mail");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("‘" + title + "’ from " + teacher + " was approved", "Post again");
        HttpResponse<String> again = admin.postForm("/admin/mail/chat/" + noticeId + "/retry",
                Map.of("_csrf", csrf(page.body())));
        assertThat(again.statusCode()).isEqualTo(302);
        await("posted again").atMost(Duration.ofSeconds(30)).until(() ->
                postsAbout("‘" + title + "’ from " + teacher + " was approved").size() == 2);
    }

    private JsonNode awaitPost(String headline) {
        return await("the channel receives ‘" + headline + "’").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> postsAbout(headline).stream().findFirst().orElse(null), found -> found != null);
    }

    /** The posts (as JSON) whose Slack fallback text contains {@code part}. */
    private static List<JsonNode> postsAbout(String part) {
        return CHAT.posts().stream().map(ChatIntegrationTest::json)
                .filter(post -> post.path("text").asText().contains(part)).toList();
    }

    static JsonNode json(ChatReceiver.Post post) {
        try {
            return JSON.readTree(post.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
