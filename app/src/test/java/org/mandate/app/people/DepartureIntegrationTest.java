package org.mandate.app.people;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.reconcile.Mismatch;
import org.mandate.app.reconcile.Reconciler;
import org.mandate.domain.directory.Authority;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;

/**
 * Departures through HTTP and the real engine. The demo school is shared by every test, so each test hires its
 * own head of department (reporting to vera) and teacher, and lets them go.
 */
class DepartureIntegrationTest extends MandateIntegrationTest {

    @Autowired
    TaskService tasks;

    /** One window for every grant, so that a mandate passed on fits inside the one it came from. */
    private static final Instant WINDOW_START = Instant.now().minus(Duration.ofMinutes(1));

    @Autowired
    Reconciler reconciler;

    private String head;
    private String teacher;
    private String suffix;

    @BeforeEach
    void hire() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        head = "head-" + suffix;
        teacher = "teacher-" + suffix;
        join(head, "vera", Authority.upTo(2_000));
        join(teacher, head, Authority.none());
    }

    @Test
    void aLeaversOpenStepsGoToTheSuccessorTheirMandatesEndAndTheirLoginStops() {
        String decidedEarlier = as(teacher).submit("Paint", "supplies", 300);
        as(head).post(decision(decidedEarlier, openStep(as(teacher), decidedEarlier)),
                Map.of("outcome", "REJECTED", "rationale", "We have paint left from last term"));
        String open = as(teacher).submit("Brushes", "supplies", 250);
        String step = openStep(as(teacher), open);
        String given = grant(head, "liam");
        String held = grant("sofia", head);

        Api.Response departure = as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "liam"));

        assertThat(departure.status()).as(departure.toString()).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("liam");
        assertThat(as("liam").get("/api/inbox").json().findValuesAsText("stepId")).contains(step);
        assertThat(mandateStatus("liam", given)).isEqualTo("REVOKED");
        assertThat(mandateStatus("sofia", held)).isEqualTo("REVOKED");
        assertThat(as(head).get("/api/inbox").status()).as("the leaver can no longer log in").isEqualTo(401);

        JsonNode past = as("ada").get("/api/requests/" + decidedEarlier).json().path("steps").get(0).path("decision");
        assertThat(past.path("decidedBy").asText()).isEqualTo(head);
        assertThat(past.path("rationale").asText()).isEqualTo("We have paint left from last term");

        as("liam").post(decision(open, step), Map.of("outcome", "APPROVED"));
        assertThat(as(teacher).get("/api/requests/" + open).json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void withoutASuccessorTheManagerTakesOver() {
        String open = as(teacher).submit("Glue", "supplies", 40);
        String step = openStep(as(teacher), open);

        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of()).status()).isEqualTo(200);

        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("vera");
        assertThat(as(teacher).get("/api/requests/" + open).json().path("steps").get(0).path("assignee").asText())
                .isEqualTo("vera");
    }

    @Test
    void onlyAnAdministratorRecordsADepartureAndOnlyOnce() {
        assertThat(refused(this::eventCount, () -> as("vera").post("/api/people/" + head + "/departure", Map.of()),
                403).detail()).contains("role");
        refused(this::eventCount, () -> as("ivy").post("/api/people/nobody-" + head + "/departure", Map.of()), 404);
        assertThat(refused(this::eventCount, () -> as("ivy").post("/api/people/" + head + "/departure",
                Map.of("successor", head)), 400).detail()).contains("cannot succeed themselves");
        assertThat(refused(this::eventCount, () -> as("ivy").post("/api/people/" + head + "/departure",
                Map.of("successor", "zed")), 400).detail()).contains("'zed'");

        assertThat(as("ivy").post("/api/people/" + teacher + "/departure", Map.of()).status()).isEqualTo(200);
        assertThat(refused(this::eventCount, () -> as("ivy").post("/api/people/" + teacher + "/departure", Map.of()),
                409).detail()).contains("already left");
    }

    @Test
    void aSuccessorWhoMadeTheRequestNeverHandsTheStepBackToTheLeaver() {
        String open = as(teacher).submit("Easels", "supplies", 200);
        String step = openStep(as(teacher), open);

        Api.Response departure = as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", teacher));

        assertThat(departure.status()).as(departure.toString()).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee())
                .as("above the teacher, past the leaver").isEqualTo("vera");
        assertThat(as(teacher).get("/api/requests/" + open).json().path("steps").get(0).path("assignee").asText())
                .isEqualTo("vera");
        assertThat(leftBehind(open)).isEmpty();
        as(teacher).post("/api/requests/" + open + "/withdrawal", Map.of());
    }

    @Test
    void aDepartureThatWouldLeaveAStepWithNobodyIsRefusedListingIt() {
        String boss = "boss-" + suffix;
        String deputy = "deputy-" + suffix;
        String clerk = "clerk-" + suffix;
        join(boss, null, Authority.upTo(5_000));
        join(deputy, boss, Authority.upTo(2_000));
        join(clerk, deputy, Authority.none());
        String open = as(deputy).submit("Server room", "equipment", 3_000);
        String step = openStep(as(deputy), open);

        Api.Response refusal = refused(this::eventCount, () -> as("ivy").post("/api/people/" + boss + "/departure",
                Map.of("successor", deputy)), 409);
        assertThat(refusal.detail()).contains("request " + open + " step " + step + " 'Server room'",
                deputy + " made this request", "Name a successor");
        JsonNode listed = refusal.json().path("steps").get(0);
        assertThat(listed.path("requestId").asText()).isEqualTo(open);
        assertThat(listed.path("stepId").asText()).isEqualTo(step);
        assertThat(listed.path("title").asText()).isEqualTo("Server room");
        assertThat(listed.path("why").asText()).isEqualTo(deputy + " made this request");
        assertThat(refused(this::eventCount, () -> as("ivy").post("/api/people/" + boss + "/departure",
                Map.of("successor", clerk)), 409).detail()).contains(clerk + " reports to " + deputy);
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo(boss);
        assertThat(as(boss).get("/api/inbox").status()).as("the refused departure left the login").isEqualTo(200);

        assertThat(as("ivy").post("/api/people/" + boss + "/departure", Map.of("successor", "vera")).status())
                .isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("vera");
        as(deputy).post("/api/requests/" + open + "/withdrawal", Map.of());
    }

    @Test
    void aStepTheLeaverLentOutComesBackAndGoesToTheSuccessor() {
        String open = as(teacher).submit("Kiln", "equipment", 1_200);
        String step = openStep(as(teacher), open);
        assertThat(as(head).post("/api/requests/" + open + "/steps/" + step + "/delegation",
                Map.of("to", "liam", "note", "Liam knows kilns")).status()).isEqualTo(200);

        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "sofia")).status())
                .isEqualTo(200);

        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("sofia");
        assertThat(as("liam").get("/api/inbox").json().findValuesAsText("stepId")).doesNotContain(step);
        Api.Response refusal = refused(this::eventCount, () -> as("liam").post(decision(open, step),
                Map.of("outcome", "APPROVED")), 403);
        assertThat(refusal.detail()).contains("assigned to sofia");
        JsonNode steps = as(teacher).get("/api/requests/" + open).json().path("steps");
        assertThat(steps.get(0).path("assignee").asText()).isEqualTo("sofia");
        assertThat(leftBehind(open)).isEmpty();
        as(teacher).post("/api/requests/" + open + "/withdrawal", Map.of());
    }

    @Test
    void theLeaversDirectReportsMoveToTheSuccessor() {
        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "liam")).status())
                .isEqualTo(200);

        String after = as(teacher).submit("Crayons", "supplies", 30);
        assertThat(as(teacher).get("/api/requests/" + after).json().path("steps").get(0).path("assignee").asText())
                .as("routed up the teacher's new line, not through the leaver").isEqualTo("liam");
        as(teacher).post("/api/requests/" + after + "/withdrawal", Map.of());
    }

    @Test
    void withoutASuccessorDirectReportsMoveToTheLeaversManager() {
        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of()).status()).isEqualTo(200);

        String after = as(teacher).submit("Rulers", "supplies", 30);
        assertThat(as(teacher).get("/api/requests/" + after).json().path("steps").get(0).path("assignee").asText())
                .isEqualTo("vera");
        as(teacher).post("/api/requests/" + after + "/withdrawal", Map.of());
    }

    @Test
    void aMandatePassedOnFromALeaversMandateNoLongerListsAsActive() {
        String fromHead = grant(head, "liam", true, null);
        String passedOn = grant("liam", "ben", false, fromHead);
        assertThat(mandateStatus("ben", passedOn)).isEqualTo("ACTIVE");

        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "vera")).status())
                .isEqualTo(200);

        JsonNode listed = mandate("ben", passedOn);
        assertThat(listed.path("status").asText()).isEqualTo("ENDED");
        assertThat(listed.path("endedBecause").asText()).contains("no longer in force", fromHead,
                head + " left the organisation");
        assertThat(mandate("liam", passedOn).path("status").asText()).isEqualTo("ENDED");
    }

    private List<Mismatch> leftBehind(String requestId) {
        return reconciler.reconcile().mismatches().stream()
                .filter(mismatch -> mismatch.requestId().equals(requestId)).toList();
    }

    private void join(String id, String manager, Authority authority) {
        join(id, id, manager, Set.of(), authority);
    }

    private String grant(String from, String to) {
        return grant(from, to, false, null);
    }

    private String grant(String from, String to, boolean mayRedelegate, String passedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to, "categories", List.of("*"),
                "maxAmount", 500, "currency", "EUR", "mayRedelegate", mayRedelegate,
                "validFrom", WINDOW_START.toString(), "validUntil", WINDOW_START.plus(Duration.ofDays(3)).toString()));
        if (passedOn != null) {
            body.put("passedOn", passedOn);
        }
        Api.Response granted = as(from).post("/api/mandates", body);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        return granted.json().path("id").asText();
    }

    private String mandateStatus(String viewer, String mandateId) {
        JsonNode mandate = mandate(viewer, mandateId);
        return mandate == null ? null : mandate.path("status").asText();
    }

    private JsonNode mandate(String viewer, String mandateId) {
        for (JsonNode mandate : as(viewer).get("/api/mandates").json()) {
            if (mandate.path("id").asText().equals(mandateId)) {
                return mandate;
            }
        }
        return null;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
