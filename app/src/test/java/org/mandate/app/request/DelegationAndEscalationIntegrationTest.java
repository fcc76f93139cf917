package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.EngineTimers;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.request.StepEscalated;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandate.app.Refusal.refused;
import static org.mandate.app.request.ApprovalPathIntegrationTest.decision;

/** Lending a step, recalling it, escalating it by hand and by the path's time limit, through the real engine. */
class DelegationAndEscalationIntegrationTest extends MandateIntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    EventStore events;

    @Test
    void sofiaLendsTheStepToLiamWhoDecidesOnHerBehalf() {
        String id = as("ana").submit("Microscope slides", "supplies", 400);
        String step = openStep(as("ana"), id);

        Api.Response lent = as("sofia").post(delegation(id, step), Map.of("to", "liam",
                "note", "Liam ordered these before"));

        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        JsonNode view = lent.json().path("steps").get(0);
        assertThat(view.path("assignee").asText()).isEqualTo("liam");
        assertThat(view.path("lentBy").asText()).isEqualTo("sofia");
        assertThat(engineAssignee(step)).isEqualTo("liam");
        assertThat(inboxOnBehalfOf("liam", step)).isEqualTo("sofia");
        assertThat(as("sofia").get("/api/inbox").json().findValuesAsText("stepId")).doesNotContain(step);

        as("liam").post(decision(id, step), Map.of("outcome", "APPROVED", "rationale", "Same supplier as last year"));

        JsonNode decided = as("ana").get("/api/requests/" + id).json();
        assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.path("steps").get(0).path("decision").path("decidedBy").asText()).isEqualTo("liam");
        assertThat(decided.path("steps").get(0).path("decision").path("onBehalfOf").asText()).isEqualTo("sofia");
    }

    @Test
    void sofiaRecallsALentStepUntilItIsDecided() {
        String id = as("ana").submit("Safety goggles", "supplies", 90);
        String step = openStep(as("ana"), id);
        as("sofia").post(delegation(id, step), Map.of("to", "liam"));

        Api.Response recalled = as("sofia").delete(delegation(id, step));

        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(200);
        assertThat(engineAssignee(step)).isEqualTo("sofia");
        assertThat(as("liam").get("/api/inbox").json().findValuesAsText("stepId")).doesNotContain(step);
        refused(this::eventCount, () -> as("liam").post(decision(id, step), Map.of("outcome", "APPROVED")), 403);
        as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED"));
        assertThat(refused(this::eventCount, () -> as("sofia").delete(delegation(id, step)), 409).detail())
                .contains("approved");
    }

    @Test
    void badDelegationsAreRefused() {
        String id = as("ana").submit("Magnifiers", "supplies", 70);
        String step = openStep(as("ana"), id);

        assertThat(refused(this::eventCount, () -> as("liam").post(delegation(id, step), Map.of("to", "ben")), 403)
                .detail()).contains("Only sofia");
        assertThat(refused(this::eventCount, () -> as("sofia").post(delegation(id, step), Map.of("to", "ana")), 403)
                .detail()).contains("made this request");
        assertThat(refused(this::eventCount, () -> as("sofia").post(delegation(id, step), Map.of("note", "x")), 400)
                .detail()).contains("'to'");
        refused(this::eventCount, () -> as("sofia").delete(delegation(id, step)), 409);
    }

    @Test
    void sofiaEscalatesToVeraWithHerReason() {
        String id = as("ana").submit("Lab fridge", "equipment", 1800);
        String step = openStep(as("ana"), id);

        Api.Response escalated = as("sofia").post(escalation(id, step), Map.of("reason", "My own team benefits"));

        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        assertThat(escalated.json().path("steps").get(0).path("assignee").asText()).isEqualTo("vera");
        assertThat(engineAssignee(step)).isEqualTo("vera");
        assertThat(as("vera").get("/api/inbox").json().findValuesAsText("stepId")).contains(step);
        assertThat(storedEvents(id, "StepEscalated")).isEqualTo(1);
        as("vera").post(decision(id, step), Map.of("outcome", "APPROVED"));
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void escalatingPastTheTopIsAConflict() {
        String id = as("omar").submit("New roof", "building", 9000);
        String step = openStep(as("omar"), id);

        Api.Response refusal = refused(this::eventCount,
                () -> as("pat").post(escalation(id, step), Map.of("reason", "Too big for me")), 409);
        assertThat(refusal.detail()).contains("cannot be escalated further");
        assertThat(refused(this::eventCount, () -> as("pat").post(escalation(id, step), Map.of()), 400).detail())
                .contains("'reason'");
    }

    @Test
    void theRequesterMayEscalateOnlyAnOverdueStep() {
        String id = as("ana").submit("Bunsen burners", "equipment", 600);
        String step = openStep(as("ana"), id);

        assertThat(refused(this::eventCount, () -> as("ana").post(escalation(id, step),
                Map.of("reason", "Waiting")), 403).detail()).contains("once the step is overdue");
    }

    @Test
    void theTimeLimitEscalatesAStepThroughTheEngine() {
        String id = as("ana").submit("Spectrometer", "equipment", 1900);
        String step = openStep(as("ana"), id);
        JsonNode opened = as("ana").get("/api/requests/" + id).json().path("steps").get(0);
        assertThat(Instant.parse(opened.path("dueAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(2)).minusSeconds(600),
                        Instant.now().plus(Duration.ofDays(2)).plusSeconds(600));
        Job timer = management.createJobQuery().processInstanceId(tasks.createTaskQuery().taskId(step)
                .singleResult().getProcessInstanceId()).timers().singleResult();
        assertThat(timer).as("the step's time-limit timer").isNotNull();

        EngineTimers.runDue(management, timer);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engineAssignee(step)).isEqualTo("vera"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("assignee").asText())
                        .isEqualTo("vera"));
        assertThat(storedEvents(id, "StepEscalated")).isEqualTo(1);
        StepEscalated escalated = events.readEvents(id).asStream().map(Message::getPayload)
                .filter(StepEscalated.class::isInstance).map(StepEscalated.class::cast).findFirst().orElseThrow();
        assertThat(escalated.by()).as("escalated by the timer, not a person").isNull();
        assertThat(escalated.from().value()).isEqualTo("sofia");
        assertThat(escalated.reason()).contains("time limit (R3/P2D)");
        JsonNode request = as("ana").get("/api/requests/" + id).json();
        assertThat(request.path("status").asText()).as("the timer's own branch does not end the request")
                .isEqualTo("IN_REVIEW");

        as("vera").post(decision(id, step), Map.of("outcome", "APPROVED"));
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(management.createJobQuery().processInstanceId(timer.getProcessInstanceId()).count()).isZero();
    }

    private long storedEvents(String requestId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, requestId, "%" + type);
    }

    private String engineAssignee(String step) {
        return tasks.createTaskQuery().taskId(step).singleResult().getAssignee();
    }

    private String inboxOnBehalfOf(String person, String step) {
        for (JsonNode item : as(person).get("/api/inbox").json()) {
            if (item.path("stepId").asText().equals(step)) {
                return item.path("onBehalfOf").asText();
            }
        }
        return null;
    }

    private static String delegation(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/delegation";
    }

    private static String escalation(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/escalation";
    }
}
