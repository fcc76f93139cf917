package org.mandate.app.people;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.security.Credentials;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
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
    CommandGateway commands;
    @Autowired
    Credentials credentials;
    @Autowired
    TaskService tasks;

    private String head;
    private String teacher;

    @BeforeEach
    void hire() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
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

    private void join(String id, String manager, Authority authority) {
        commands.sendAndWait(new JoinPerson(PersonId.of(id), id, "Test hire", PersonId.of(manager), Set.of(),
                authority));
        credentials.set(id, "demo");
    }

    private String grant(String from, String to) {
        Api.Response granted = as(from).post("/api/mandates", Map.of("to", to, "categories", List.of("*"),
                "maxAmount", 500, "currency", "EUR",
                "validFrom", Instant.now().minus(Duration.ofMinutes(1)).toString(),
                "validUntil", Instant.now().plus(Duration.ofDays(3)).toString()));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        return granted.json().path("id").asText();
    }

    private String mandateStatus(String viewer, String mandateId) {
        for (JsonNode mandate : as(viewer).get("/api/mandates").json()) {
            if (mandate.path("id").asText().equals(mandateId)) {
                return mandate.path("status").asText();
            }
        }
        return null;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
