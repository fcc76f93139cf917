package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.mail.ReceivedMail;
import org.mandate.app.projection.InlineRebuilds;
import org.mandate.app.reconcile.Reconciler;
import org.mandate.app.web.PageSession;
import org.mandate.domain.directory.Authority;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandate.app.Refusal.refused;
import static org.mandate.app.request.ApprovalPathIntegrationTest.decision;

/** Sending a step back for more information and answering it, through HTTP and the real engine. */
class SendBackIntegrationTest extends MandateIntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    Reconciler reconciler;
    @Autowired
    InlineRebuilds rebuilds;

    @Test
    void theHolderAsks_theTimerStandsStill_theRequesterAnswers_andTheStepResumesWithTheTimeLeft() {
        String id = as("ana").submit("Send-back spectrometer " + System.nanoTime(), "equipment", 1900);
        String step = openStep(as("ana"), id);
        Job timer = timerOf(step);
        Instant originalDue = timer.getDuedate().toInstant();

        Api.Response asked = as("sofia").post(sendBack(id, step), Map.of("question", "Which supplier quoted this?"));

        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        JsonNode question = asked.json().path("questions").get(0);
        assertThat(question.path("askedBy").asText()).isEqualTo("sofia");
        assertThat(question.path("question").asText()).isEqualTo("Which supplier quoted this?");
        assertThat(question.hasNonNull("answer")).as("not answered yet").isFalse();
        assertThat(asked.json().path("steps").get(0).path("assignee").asText()).as("the step stays hers")
                .isEqualTo("sofia");
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("sofia");
        assertThat(timerOf(step).isSuspended()).as("its time limit stands still").isTrue();
        assertThat(reconciler.reconcile().mismatches()).noneMatch(mismatch -> mismatch.requestId().equals(id));

        // while it waits: no decision, no lending, no escalation, no second question
        assertThat(refused(this::eventCount, () -> as("sofia").post(decision(id, step),
                Map.of("outcome", "APPROVED")), 409).detail()).contains("waits for the answer");
        assertThat(refused(this::eventCount, () -> as("sofia").post(step(id, step, "delegation"),
                Map.of("to", "liam")), 409).detail()).contains("cannot be lent");
        assertThat(refused(this::eventCount, () -> as("sofia").post(step(id, step, "escalation"),
                Map.of("reason", "Over my head")), 409).detail()).contains("cannot be escalated");
        assertThat(refused(this::eventCount, () -> as("sofia").post(sendBack(id, step),
                Map.of("question", "And when?")), 409).detail()).contains("one question at a time");

        try {
            // days pass, beyond the original time limit: nothing may fire while the step waits
            ClockUtil.setCurrentTime(Date.from(originalDue.plus(Duration.ofHours(1))));
            assertThat(management.createJobQuery().processInstanceId(timer.getProcessInstanceId()).timers()
                    .active().executable().count()).as("no timer due while it waits").isZero();

            Api.Response answered = as("ana").post("/api/requests/" + id + "/answer",
                    Map.of("answer", "Lab Supplies Ltd, quote 2026-114", "title", "Spectrometer (Lab Supplies)"));

            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            JsonNode view = answered.json();
            assertThat(view.path("title").asText()).isEqualTo("Spectrometer (Lab Supplies)");
            assertThat(view.path("questions").get(0).path("answer").asText())
                    .isEqualTo("Lab Supplies Ltd, quote 2026-114");
            assertThat(view.path("steps").get(0).path("assignee").asText()).isEqualTo("sofia");
            Job resumed = timerOf(step);
            assertThat(resumed.isSuspended()).isFalse();
            Duration paused = Duration.between(originalDue.minus(Duration.ofDays(2)), originalDue);
            assertThat(resumed.getDuedate().toInstant()).as("the original limit moved by the time it waited")
                    .isAfter(originalDue.plus(paused).minusSeconds(120));
            ClockUtil.setCurrentTime(Date.from(resumed.getDuedate().toInstant().minusSeconds(60)));
            assertThat(management.createJobQuery().jobId(resumed.getId()).executable().count())
                    .as("not due before the remaining time has passed").isZero();
        } finally {
            ClockUtil.reset();
        }
        assertThat(storedEvents(id, "StepEscalated")).isZero();
        assertThat(as("sofia").get("/api/inbox").json().findValuesAsText("stepId")).contains(step);
        assertThat(reconciler.reconcile().mismatches()).noneMatch(mismatch -> mismatch.requestId().equals(id));

        Job resumed = timerOf(step);
        try {
            // past the remaining time the timer fires: run here, or by the job executor racing for it (the loser's
            // run fails and is retried while the clock still says it is due)
            ClockUtil.setCurrentTime(Date.from(resumed.getDuedate().toInstant().plusSeconds(60)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                try {
                    management.executeJob(resumed.getId());
                } catch (RuntimeException takenOrDone) {
                    // the executor has it, or it already ran
                }
                assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("assignee")
                        .asText()).as("escalated once the remaining time passed").isEqualTo("vera");
            });
        } finally {
            ClockUtil.reset();
        }
        assertThat(storedEvents(id, "StepEscalated")).isEqualTo(1);
    }

    @Test
    void refusalsChangeNothing_andAnAnsweredStepIsDecided() {
        String id = as("ana").submit("Send-back beakers " + System.nanoTime(), "supplies", 300);
        String step = openStep(as("ana"), id);

        assertThat(refused(this::eventCount, () -> as("ana").post("/api/requests/" + id + "/answer",
                Map.of("answer", "Nobody asked")), 409).detail()).contains("nothing to answer");
        assertThat(refused(this::eventCount, () -> as("ben").post(sendBack(id, step), Map.of("question", "Why?")),
                403).detail()).contains("not to you");
        assertThat(refused(this::eventCount, () -> as("sofia").post(sendBack(id, step), Map.of("question", " ")),
                400).detail()).contains("Write your question");
        as("sofia").post(sendBack(id, step), Map.of("question", "Glass or plastic?"));

        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/requests/" + id + "/answer",
                Map.of("answer", "Glass")), 403).detail()).contains("Only the requester");
        assertThat(refused(this::eventCount, () -> as("ana").post("/api/requests/" + id + "/answer",
                Map.of("answer", "Glass, and more of them", "amount", 600)), 400).detail())
                .contains("cannot change the amount").contains("Withdraw this request and submit a new one");
        assertThat(refused(this::eventCount, () -> as("ana").post("/api/requests/" + id + "/answer",
                Map.of("answer", "")), 400).detail()).contains("Write your answer");

        as("ana").post("/api/requests/" + id + "/answer", Map.of("answer", "Glass", "amount", 300));
        Api.Response decided = as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED"));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(refused(this::eventCount, () -> as("ana").post("/api/requests/" + id + "/answer",
                Map.of("answer", "Late")), 409).detail()).contains("already approved");
    }

    @Test
    void theRequesterHearsTheQuestion_andTheHolderTheAnswer() {
        String title = "Send-back kiln " + System.nanoTime();
        String id = as("ana").submit(title, "equipment", 700);
        String step = openStep(as("ana"), id);

        as("sofia").post(sendBack(id, step), Map.of("question", "Electric or gas?"));
        ReceivedMail asked = await("ana hears the question").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ReceivedMail.to(MAIL, "ana@school.example").stream()
                        .filter(mail -> mail.subject().equals("Sofia Reyes asks about ‘" + title + "’")).findFirst()
                        .orElse(null), found -> found != null);
        assertThat(asked.text()).contains("Sofia Reyes sent your request back for more information and asks: "
                + "“Electric or gas?”", "http://mandate.test/requests/" + id);

        as("ana").post("/api/requests/" + id + "/answer", Map.of("answer", "Electric, 230 V"));
        await("sofia's notice of the answer").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.queryForList("select reason from mail_notice where request_id = ? and recipient = "
                        + "'sofia' and kind = 'STEP_ARRIVED'", String.class, id))
                        .anySatisfy(reason -> assertThat(reason).contains("Ana Costa answered: “Electric, 230 V”",
                                "back with you")));
    }

    @Test
    void rebuildingTheRequestViewAndTheInboxKeepsQuestionsAnswersAndTheMovedDueDate() {
        String token = String.valueOf(System.nanoTime());
        String title = "Send-back glaze " + token;
        String id = as("ana").submit(title, "supplies", 200);
        String step = openStep(as("ana"), id);
        as("sofia").post(sendBack(id, step), Map.of("question", "Lead-free?"));
        as("ana").post("/api/requests/" + id + "/answer", Map.of("answer", "Yes", "title", title + " (lead-free)"));
        as("sofia").post(sendBack(id, step), Map.of("question", "And the kiln temperature?"));
        JsonNode before = as("ana").get("/api/requests/" + id).json();
        assertThat(before.path("questions")).hasSize(2);
        List<String> inboxBefore = as("sofia").get("/api/inbox?q=" + token).json().findValuesAsText("dueAt");

        assertThat(rebuilds.rebuild(RequestViewProjection.NAME).failure()).isNull();
        assertThat(rebuilds.rebuild(InboxProjection.NAME).failure()).isNull();

        assertThat(as("ana").get("/api/requests/" + id).json()).isEqualTo(before);
        assertThat(as("sofia").get("/api/inbox?q=" + token).json().findValuesAsText("dueAt")).isEqualTo(inboxBefore)
                .hasSize(1);
    }

    @Test
    void aRequesterWhoLeavesEndsTheWait_theTimeLimitRunsAgain_andTheHolderDecides() {
        String teacher = "sb-leaver-" + UUID.randomUUID().toString().substring(0, 8);
        join(teacher, teacher, "sofia", Set.of(), Authority.none());
        String title = "Send-back centrifuge " + System.nanoTime();
        String id = as(teacher).submit(title, "equipment", 800);
        String step = openStep(as("sofia"), id);
        Instant originalDue = timerOf(step).getDuedate().toInstant();
        as("sofia").post(sendBack(id, step), Map.of("question", "Which rotor does it take?"));
        assertThat(timerOf(step).isSuspended()).isTrue();
        String preview = PageSession.loggedIn(port, "ivy").get("/admin/people/" + teacher + "/departure?successor=")
                .body();
        assertThat(preview).as("the administrator sees it before recording the departure")
                .contains("‘" + title + "’", "Sofia Reyes sent it back with a question; the step goes back to its "
                        + "holder unanswered");

        Api.Response departure = as("ivy").post("/api/people/" + teacher + "/departure", Map.of());

        assertThat(departure.status()).as(departure.toString()).isEqualTo(200);
        JsonNode view = as("sofia").get("/api/requests/" + id).json();
        assertThat(view.path("status").asText()).as("their request stays in review").isEqualTo("IN_REVIEW");
        JsonNode question = view.path("questions").get(0);
        assertThat(question.hasNonNull("answer")).isFalse();
        assertThat(question.path("leftRecordedBy").asText()).isEqualTo("ivy");
        assertThat(question.hasNonNull("requesterLeftAt")).as("the wait ended with the departure").isTrue();
        Job resumed = timerOf(step);
        assertThat(resumed.isSuspended()).as("the time limit runs again").isFalse();
        assertThat(resumed.getDuedate().toInstant()).as("moved by the pause, never earlier")
                .isAfterOrEqualTo(originalDue);
        assertThat(reconciler.reconcile().mismatches()).noneMatch(mismatch -> mismatch.requestId().equals(id));
        JsonNode inboxItem = itemOf(as("sofia").get("/api/inbox?q=centrifuge").json(), step);
        assertThat(inboxItem.path("waitingForAnswer").asBoolean()).isFalse();
        assertThat(as(teacher).get("/api/inbox").status()).as("a leaver's login ends").isEqualTo(401);

        String page = PageSession.loggedIn(port, "sofia").get("/requests/" + id).body();
        assertThat(page).contains("left before answering (departure recorded by Ivy Park)");
        JsonNode frames = as("ada").get("/api/audit/requests/" + id + "/replay").json().path("frames");
        JsonNode ended = null;
        for (JsonNode frame : frames) {
            if (frame.path("event").path("type").asText().equals("RequesterLeftBeforeAnswering")) {
                ended = frame;
            }
        }
        assertThat(ended).as("the replay has the end of the wait").isNotNull();
        assertThat(ended.path("event").path("words").asText()).isEqualTo(teacher + " left before answering "
                + "(departure recorded by ivy); the step is back with its holder");
        assertThat(ended.path("state").path("steps").get(0).path("waitingForAnswer").asBoolean()).isFalse();

        Api.Response decided = as("sofia").post(decision(id, step),
                Map.of("outcome", "REJECTED", "rationale", "Nobody left to say which rotor."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("REJECTED");
    }

    /**
     * The engine runs ten days behind the app here, so that the step is overdue by the app's clock (the inbox's) while
     * its timer is not yet due by the engine's: sending it back must take it off the overdue list, and the answer
     * must move the inbox's due date exactly as the engine moves its timer and task.
     */
    @Test
    void aWaitingStepIsNeverOverdue_theInboxSaysItWaits_andTheAnswerMovesTheDueDateAsTheEngineDoes()
            throws InterruptedException {
        String token = "sbdue" + System.nanoTime();
        try {
            ClockUtil.offset(-Duration.ofDays(10).toMillis());
            String id = as("ana").submit("Send-back autoclave " + token, "equipment", 900);
            String step = openStep(as("ana"), id);
            assertThat(steps("sofia", token, "&overdue=true")).as("past its due date by the app's clock")
                    .containsExactly(step);

            as("sofia").post(sendBack(id, step), Map.of("question", "Steam or dry heat?"));

            assertThat(steps("sofia", token, "&overdue=true")).as("its clock stands still while it waits").isEmpty();
            assertThat(steps("sofia", token, "&overdue=false")).containsExactly(step);
            assertThat(steps("sofia", token, "&dueBefore=2100-01-01")).as("no deadline runs while it waits")
                    .isEmpty();
            JsonNode waiting = itemOf(as("sofia").get("/api/inbox?q=" + token).json(), step);
            assertThat(waiting.path("waitingForAnswer").asBoolean()).isTrue();
            assertThat(waiting.path("question").asText()).isEqualTo("Steam or dry heat?");
            assertThat(waiting.hasNonNull("waitingSince")).isTrue();
            Instant dueWhenSentBack = Instant.parse(waiting.path("dueAt").asText());
            String page = PageSession.loggedIn(port, "sofia").get("/?q=" + token).body();
            assertThat(page).contains("paused until answered").doesNotContain("overdue by");

            Thread.sleep(1500); // a pause both clocks can measure
            as("ana").post("/api/requests/" + id + "/answer", Map.of("answer", "Steam"));

            JsonNode resumed = itemOf(as("sofia").get("/api/inbox?q=" + token).json(), step);
            assertThat(resumed.path("waitingForAnswer").asBoolean()).isFalse();
            assertThat(resumed.hasNonNull("question")).isFalse();
            Instant dueNow = Instant.parse(resumed.path("dueAt").asText());
            assertThat(Duration.between(dueWhenSentBack, dueNow)).as("moved by the pause")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofMinutes(1));
            assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("dueAt").asText())
                    .as("the request view moves it alike").isEqualTo(resumed.path("dueAt").asText());
            Job timer = timerOf(step);
            assertThat(timer.isSuspended()).isFalse();
            assertThat(Duration.between(dueNow, timer.getDuedate().toInstant()).abs())
                    .as("the engine's timer moved by the same pause").isLessThan(Duration.ofSeconds(1));
            assertThat(Duration.between(dueNow, tasks.createTaskQuery().taskId(step).singleResult().getDueDate()
                    .toInstant()).abs()).as("and its task").isLessThan(Duration.ofSeconds(1));
            assertThat(steps("sofia", token, "&overdue=true")).as("as overdue by the app's clock as when it was sent back, no more")
                    .containsExactly(step);
            // decided while the engine still runs behind: its timer, due by the real clock, must not fire later
            // in another test's window
            assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "REJECTED", "rationale",
                    "Dry heat only, please resubmit.")).status()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    private List<String> steps(String person, String token, String filter) {
        return as(person).get("/api/inbox?q=" + token + filter).json().findValuesAsText("stepId");
    }

    private static JsonNode itemOf(JsonNode inbox, String step) {
        for (JsonNode item : inbox) {
            if (item.path("stepId").asText().equals(step)) {
                return item;
            }
        }
        throw new AssertionError("step " + step + " is not in " + inbox);
    }

    private Job timerOf(String step) {
        return management.createJobQuery().processInstanceId(tasks.createTaskQuery().taskId(step).singleResult()
                .getProcessInstanceId()).timers().singleResult();
    }

    private long storedEvents(String requestId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, requestId, "%" + type);
    }

    private static String sendBack(String requestId, String stepId) {
        return step(requestId, stepId, "return");
    }

    private static String step(String requestId, String stepId, String action) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/" + action;
    }
}
