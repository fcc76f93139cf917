package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo school's examples from the spine issue, through HTTP, the event store, the engine and the projections. */
class ApprovalPathIntegrationTest extends MandateIntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Test
    void anaAsksFor1500AndSofiaApproves() {
        String id = as("ana").submit("Microscope", "equipment", 1500);

        JsonNode request = as("ana").get("/api/requests/" + id).json();
        assertThat(request.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(request.path("steps")).hasSize(1);
        assertThat(request.path("steps").get(0).path("assignee").asText()).isEqualTo("sofia");
        String step = openStep(as("ana"), id);
        assertThat(inboxSteps("sofia")).contains(step);

        Api.Response decided = as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED",
                "rationale", "The lab needs it"));

        assertThat(decided.status()).isEqualTo(200);
        JsonNode after = as("ana").get("/api/requests/" + id).json();
        assertThat(after.path("status").asText()).isEqualTo("APPROVED");
        JsonNode decision = after.path("steps").get(0).path("decision");
        assertThat(decision.path("decidedBy").asText()).isEqualTo("sofia");
        assertThat(decision.path("rationale").asText()).isEqualTo("The lab needs it");
        assertThat(inboxSteps("sofia")).doesNotContain(step);
        assertThat(engineInstances(id)).isZero();
    }

    @Test
    void anaAsksFor8000AndVeraThenFayDecide() {
        String id = as("ana").submit("Smartboard", "equipment", 8000);
        String first = openStep(as("ana"), id);
        assertThat(inboxSteps("vera")).contains(first);

        as("vera").post(decision(id, first), Map.of("outcome", "APPROVED"));

        String financeCheck = openStep(as("ana"), id);
        assertThat(financeCheck).isNotEqualTo(first);
        assertThat(inboxSteps("fay")).contains(financeCheck);
        assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(1).path("name").asText())
                .isEqualTo("Finance check");

        as("fay").post(decision(id, financeCheck), Map.of("outcome", "APPROVED", "rationale", "Budget line 4"));

        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(inboxSteps("fay")).doesNotContain(financeCheck);
    }

    @Test
    void sofiasOwnRequestGoesToVeraNeverToHerself() {
        String id = as("sofia").submit("Conference", "training", 1500);

        assertThat(as("sofia").get("/api/requests/" + id).json().path("steps").get(0).path("assignee").asText())
                .isEqualTo("vera");
    }

    @Test
    void aRejectionAtTheFirstStepEndsTheRequestWithoutFinanceCheck() {
        String id = as("ana").submit("Field trip", "trip", 9000);
        String step = openStep(as("ana"), id);

        as("vera").post(decision(id, step), Map.of("outcome", "REJECTED", "rationale", "Not this term"));

        JsonNode request = as("ana").get("/api/requests/" + id).json();
        assertThat(request.path("status").asText()).isEqualTo("REJECTED");
        assertThat(request.path("steps")).hasSize(1);
        assertThat(request.path("steps").get(0).path("decision").path("rationale").asText()).isEqualTo("Not this term");
        assertThat(as("fay").get("/api/inbox").json().findValuesAsText("requestId")).doesNotContain(id);
        assertThat(engineInstances(id)).isZero();
    }

    @Test
    void aRejectionAtTheFinanceCheckEndsTheRequest() {
        String id = as("ben").submit("Stage lights", "equipment", 6000);
        as("vera").post(decision(id, openStep(as("ben"), id)), Map.of("outcome", "APPROVED"));

        as("fay").post(decision(id, openStep(as("ben"), id)), Map.of("outcome", "REJECTED",
                "rationale", "No budget left"));

        assertThat(as("ben").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void withdrawingEndsTheOpenStep() {
        String id = as("ana").submit("Books", "supplies", 300);
        String step = openStep(as("ana"), id);

        Api.Response withdrawn = as("ana").post("/api/requests/" + id + "/withdrawal", Map.of("reason", "Found some"));

        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode request = withdrawn.json();
        assertThat(request.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(request.path("steps").get(0).path("status").asText()).isEqualTo("CLOSED");
        assertThat(inboxSteps("sofia")).doesNotContain(step);
        assertThat(engineInstances(id)).isZero();
    }

    private java.util.List<String> inboxSteps(String person) {
        return as(person).get("/api/inbox").json().findValuesAsText("stepId");
    }

    private long engineInstances(String requestId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId).count();
    }

    static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
