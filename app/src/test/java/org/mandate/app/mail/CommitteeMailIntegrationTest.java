package org.mandate.app.mail;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.web.PageSession;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.request.EscalateStep;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;

import java.net.http.HttpResponse;
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
 * Committee votes by mail: the demo's budget committee (omar, pat, vera; 2 of 3) votes on requests above 10000.
 * Every voter hears of a vote with decide links of their own, by their own choices; reminders and an overdue vote
 * reach only the voters still to vote; a voter who voted or left hears no more. Members a test adds to the committee
 * leave again before it ends, so the committee is the demo's three for every other test.
 */
class CommitteeMailIntegrationTest extends OutboxIntegrationTest {

    @Test
    void everyVoterHearsOfTheVoteWithLinksOfTheirOwn_andALinkCastsTheirVoteOnce() {
        String title = "Science wing " + UUID.randomUUID().toString().substring(0, 8);
        String requestId = as("ana").submit(title, "building", 60_000);
        String stepId = openStep(as("ana"), requestId);

        for (String voter : List.of("omar", "pat", "vera")) {
            ReceivedMail mail = awaitMail(voter, "Your vote: ‘" + title + "’");
            assertThat(mail.text()).contains("committee vote ‘Budget committee vote’ (2 of 3: 2 approvals needed of 3 "
                    + "voters)", "Approve:    http://mandate.test/mail/act/", "Reject:     http://mandate.test/mail/act/");
        }
        assertThat(ReceivedMail.to(MAIL, "ana@school.example").stream()
                .filter(mail -> mail.subject().contains("Your vote: ‘" + title))).as("the requester does not vote")
                .isEmpty();
        // the channel hears of the vote once, naming the voters, and never carries a decide link
        List<String> posts = await("the channel hears of the vote").atMost(Duration.ofSeconds(30)).until(() -> CHAT
                .posts().stream().map(post -> post.body()).filter(body -> body.contains(title)).toList(),
                found -> !found.isEmpty());
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0)).contains("Waiting for a committee vote", "Omar Haddad, Pat Okafor, Vera Lind")
                .doesNotContain("/mail/act/");

        String approve = awaitMail("vera", "Your vote: ‘" + title + "’").link("Approve");
        PageSession browser = PageSession.anonymous(port);
        HttpResponse<String> page = browser.get(approve);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> voted = browser.postForm(approve, Map.of("_csrf", csrf(page.body())));
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);

        Api.Response view = as("ana").get("/api/requests/" + requestId);
        assertThat(view.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(view.json().path("steps").get(0).path("vote").path("approvals").asInt()).isEqualTo(1);
        String metaData = jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ? and "
                + "payload_type like '%VoteCast'", (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                requestId).get(0);
        assertThat(metaData).contains("\"decidedFrom\"", "\"mail\"");

        long before = eventCount();
        assertThat(browser.get(approve).statusCode()).as("a link casts a vote once").isEqualTo(410);
        assertThat(eventCount()).isEqualTo(before);
        awaitSeatGone(stepId, "vera");
    }

    @Test
    void remindersReachOnlyVotersStillToVote_eachByTheirChoice_notOneWhoVotedOrLeft() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String leaver = "cm-leaver-" + suffix;
        String quiet = "cm-quiet-" + suffix;
        join(leaver, "vera");
        join(quiet, "vera");
        // quiet reads arriving votes in a digest at six and wants no reminders
        assertThat(as(quiet).put("/api/me/notifications", Map.of("choices", List.of(
                Map.of("kind", "STEP_ARRIVED", "delivery", "DAILY_DIGEST", "digestHour", 6),
                Map.of("kind", "REMINDER", "delivery", "OFF")))).status()).isEqualTo(200);
        String title = "Library roof " + suffix;
        String requestId;
        String stepId;
        try {
            sitOnBudgetCommittee(leaver);
            sitOnBudgetCommittee(quiet);
            try {
                requestId = as("ana").submit(title, "building", 40_000);
            } finally {
                leave(leaver);
            }
            stepId = openStep(as("ana"), requestId);
            awaitMail("omar", "Your vote: ‘" + title + "’");
            awaitSeatGone(stepId, leaver);
            assertThat(jdbc.queryForObject("select digest from mail_notice where recipient = ? and request_id = ? "
                    + "and kind = 'STEP_ARRIVED'", Boolean.class, quiet, requestId)).as("by quiet's choice").isTrue();

            assertThat(as("vera").post(decision(requestId, stepId), Map.of("outcome", "APPROVED")).status())
                    .isEqualTo(200);
            awaitSeatGone(stepId, "vera");

            // the vote's due time comes near: the test moves it instead of waiting five days
            jdbc.update("update mail_vote_seat set due_at = ?, arrived_at = ? where step_id = ?",
                    Timestamp.from(Instant.now().plus(Duration.ofHours(1))),
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), stepId);
            ReceivedMail soon = awaitMail("omar", "Vote due soon: ‘" + title + "’");
            assertThat(soon.text()).contains("your vote is still missing", "Approve:    http://mandate.test/mail/act/");
            awaitMail("pat", "Vote due soon: ‘" + title + "’");

            jdbc.update("update mail_vote_seat set due_at = ? where step_id = ?",
                    Timestamp.from(Instant.now().minusSeconds(30)), stepId);
            awaitMail("omar", "Vote overdue: ‘" + title + "’");
            awaitMail("pat", "Vote overdue: ‘" + title + "’");

            for (String notReminded : List.of("vera", leaver, quiet)) {
                assertThat(jdbc.queryForObject("select count(*) from mail_notice where recipient = ? and request_id = ? "
                        + "and kind = 'REMINDER'", Integer.class, notReminded, requestId)).as(notReminded).isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from mail_notice where recipient = ? and request_id = ? "
                    + "and kind = 'REMINDER'", Integer.class, "omar", requestId)).as("once each").isEqualTo(2);
        } finally {
            leave(quiet);
        }
    }

    @Test
    void anOverdueVoteChasesTheVotersStillToVote_tellsTheirManagers_andMovesToNobody() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String late = "cm-late-" + suffix;
        join(late, "liam");
        String title = "Boiler " + suffix;
        try {
            sitOnBudgetCommittee(late);
            String requestId = as("ana").submit(title, "facilities", 25_000);
            String stepId = openStep(as("ana"), requestId);
            awaitMail(late, "Your vote: ‘" + title + "’");
            as("vera").post(decision(requestId, stepId), Map.of("outcome", "APPROVED"));
            awaitSeatGone(stepId, "vera");

            // the path's time limit on the vote fires: the engine's listener sends this command
            commands.sendAndWait(new EscalateStep(RequestId.of(requestId), new StepId(stepId), null,
                    "Open longer than its time limit (P5D)"));

            ReceivedMail chased = awaitMail(late, "Vote overdue: ‘" + title + "’");
            assertThat(chased.text()).contains("overdue: open longer than its time limit (P5D)",
                    "Your vote is still missing",
                    "Approve:    http://mandate.test/mail/act/");
            awaitMail("omar", "Vote overdue: ‘" + title + "’");
            ReceivedMail manager = awaitMail("liam", "Vote overdue: " + late + " on ‘" + title + "’");
            assertThat(manager.text()).contains("has not voted", "not moved to anyone else")
                    .doesNotContain("Approve:", "Reject:");
            assertThat(jdbc.queryForObject("select count(*) from mail_notice where recipient = 'vera' and "
                    + "request_id = ? and kind = 'REMINDER'", Integer.class, requestId)).as("vera voted").isZero();

            Api.Response view = as("ana").get("/api/requests/" + requestId);
            assertThat(view.json().path("steps")).hasSize(1);
            assertThat(view.json().path("steps").get(0).path("assignee").asText()).isEqualTo("budget-committee");
            assertThat(texts(view.json().path("steps").get(0).path("vote").path("stillToVote")))
                    .containsExactly(late, "omar", "pat");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                    + "and payload_type like '%.VoteOverdue'", Integer.class, requestId)).isEqualTo(1);
            assertThat(PageSession.loggedIn(port, "ana").get("/requests/" + requestId).body())
                    .contains("chased the vote on step ‘Budget committee vote’");
        } finally {
            leave(late);
        }
    }

    /**
     * The successor, admitted to the committee after the vote opened, takes the leaver's seat: told by mail, the vote
     * in their inbox, their vote counting; the leaver's approval no longer does.
     */
    @Test
    void aSuccessorWhoSitsOnTheCommitteeTakesTheLeaversSeatAndIsToldToVote() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String leaver = "cm-going-" + suffix;
        String successor = "cm-next-" + suffix;
        join(leaver, "vera");
        join(successor, "vera");
        String title = "Art room " + suffix;
        try {
            sitOnBudgetCommittee(leaver);
            String requestId;
            try {
                requestId = as("ana").submit(title, "building", 30_000);
                String stepId = openStep(as("ana"), requestId);
                assertThat(as(leaver).post(decision(requestId, stepId), Map.of("outcome", "APPROVED")).status())
                        .isEqualTo(200);
                sitOnBudgetCommittee(successor);
                // the administrator's preview says what will become of the seat, by the rule the departure applies
                PageSession admin = PageSession.loggedIn(port, "ivy");
                String handedOn = admin.get("/admin/people/" + leaver + "/departure?successor=" + successor).body();
                assertThat(handedOn).contains("Open votes they sit on", "‘" + title + "’",
                        successor + " takes the seat");
                String notHandedOn = admin.get("/admin/people/" + leaver + "/departure?successor=liam").body();
                assertThat(notHandedOn).contains("they come off the vote (liam does not sit on budget-committee)");
            } finally {
                leave(leaver, successor);
            }
            String stepId = openStep(as("ana"), requestId);
            var vote = as("ana").get("/api/requests/" + requestId).json().path("steps").get(0).path("vote");
            assertThat(vote.path("approvals").asInt()).as("the leaver's approval no longer counts").isZero();
            assertThat(texts(vote.path("stillToVote"))).containsExactly(successor, "omar", "pat", "vera");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                    + "and payload_type like '%.VoterReplaced'", Integer.class, requestId)).isEqualTo(1);

            ReceivedMail told = awaitMail(successor, "Your vote: ‘" + title + "’");
            assertThat(told.text()).contains(leaver + " left, and you take their seat",
                    "Approve:    http://mandate.test/mail/act/");
            assertThat(as(successor).get("/api/inbox").body()).contains(stepId);
            assertThat(jdbc.queryForObject("select due_at from mail_vote_seat where step_id = ? and voter = ?",
                    Timestamp.class, stepId, successor)).as("the successor is reminded by the vote's due time, though "
                    + "the leaver, having voted, had no seat left").isNotNull();

            as(successor).post(decision(requestId, stepId), Map.of("outcome", "APPROVED"));
            Api.Response decided = as("vera").post(decision(requestId, stepId), Map.of("outcome", "APPROVED"));
            assertThat(decided.json().path("steps").get(0).path("vote").path("outcome").asText())
                    .isEqualTo("APPROVED");
            assertThat(PageSession.loggedIn(port, "ana").get("/requests/" + requestId).body())
                    .contains("seat on the vote to " + successor);
        } finally {
            leave(successor);
        }
    }

    private void sitOnBudgetCommittee(String person) {
        Api.Response added = as("ivy").post("/api/committees/budget-committee/members", Map.of("personId", person));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    private void leave(String person) {
        leave(person, "vera");
    }

    private void leave(String person, String successor) {
        Api.Response left = as("ivy").post("/api/people/" + person + "/departure", Map.of("successor", successor));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
    }

    private void join(String id, String manager) {
        join(id, manager, Authority.none());
    }

    /** The outbox has seen the voter vote or leave: their seat, and their reminders, are gone. */
    private void awaitSeatGone(String stepId, String voter) {
        await(voter + "'s seat gone").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_vote_seat where step_id = ? and voter = ?", Integer.class, stepId, voter)
                == 0);
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
