package org.mandate.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation, not the requester, chooses a request's path; only paths deployed through Mandate exist; and the
 * finance check cannot be dropped by a path. Categories and keys are unique per test: the context is shared.
 */
class PathBindingIntegrationTest extends MandateIntegrationTest {

    @Autowired
    RepositoryService repository;

    @Test
    void aFreshInstallHasOnlyTheShippedPathBoundToEveryCategory() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("NEW_KEY").count())
                .as("the modeler's template is not deployed").isZero();
        assertThat(as("ana").get("/api/processes").json().findValuesAsText("key")).doesNotContain("NEW_KEY");
        assertThat(as("ana").get("/api/processes/bindings").json()).anySatisfy(binding -> {
            assertThat(binding.path("processKey").asText()).isEqualTo("approval");
            assertThat(binding.has("category")).as("any category").isFalse();
            assertThat(binding.has("boundBy")).as("bound at first start").isFalse();
        });
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%PathBound'", Long.class, "path-bindings")).isPositive();
    }

    @Test
    void aRequesterCannotPickAPathThatSkipsTheFinanceCheck() {
        deploy("no-finance-check");
        bind("no-finance-check", "small-things", 5000);
        long events = eventCount();

        Api.Response response = as("ana").post("/api/requests", Map.of("title", "Projector", "category",
                "equipment", "amount", 6000, "currency", "EUR", "processKey", "no-finance-check"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains("do not choose the approval path", "go on 'approval'",
                "Leave processKey out");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSubmissionGoesOnThePathBoundToItsCategoryAndBand() {
        deploy("sports-path");
        bind("sports-path", "sports", 1000);

        String small = as("ana").submit("Balls", "sports", 200);
        String large = as("ana").submit("Goals", "sports", 1500);

        assertThat(stepName(small)).isEqualTo("sports-path step");
        assertThat(stepName(large)).as("above the band: the default path").isEqualTo("Approval");
        assertThat(as("ben").get("/api/processes/bindings").json()).anySatisfy(binding -> {
            assertThat(binding.path("processKey").asText()).isEqualTo("sports-path");
            assertThat(binding.path("category").asText()).isEqualTo("sports");
            assertThat(binding.path("maxAmount").decimalValue()).isEqualByComparingTo("1000");
            assertThat(binding.path("boundBy").asText()).isEqualTo("olu");
        });
    }

    @Test
    void unbindingFallsBackToTheLessSpecificBinding() {
        deploy("music-path");
        bind("music-path", "music", 5000);
        assertThat(stepName(as("ana").submit("Violin strings", "music", 100))).isEqualTo("music-path step");

        Api.Response unbound = as("olu").delete("/api/processes/bindings?category=music&maxAmount=5000");

        assertThat(unbound.status()).as(unbound.toString()).isEqualTo(204);
        assertThat(stepName(as("ana").submit("Violin bow", "music", 100))).isEqualTo("Approval");
        assertThat(as("olu").delete("/api/processes/bindings?category=music&maxAmount=5000").status())
                .isEqualTo(404);
    }

    @Test
    void aPathWithoutTheFinanceCheckCannotBeBoundToLargeAmounts() {
        deploy("art-path");
        long events = eventCount();

        Api.Response response = as("olu").post("/api/processes/bindings", Map.of("processKey", "art-path",
                "category", "art"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).contains("has no finance check step", "5000 or more");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aBandThatPartlyOverlapsAnotherIsAConflict() {
        deploy("garden-path");
        bind("garden-path", "garden", 3000);

        Api.Response response = as("olu").post("/api/processes/bindings", Map.of("processKey", "garden-path",
                "category", "garden", "minAmount", 1000, "maxAmount", 4000));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.detail()).contains("overlaps");
    }

    /**
     * The path has a finance check, so it may be bound to any amount, but only sends requests of 100000 or more
     * there: a 6000 request would leave it approved by its first approver alone. The approval does not count.
     */
    @Test
    void aPathThatRoutesAroundTheFinanceCheckCannotApproveA6000Request() {
        assertThat(as("olu").postXml("/api/processes", ROUTES_AROUND_FINANCE).status()).isEqualTo(201);
        bind("sneaky", "sneaky", null);
        String request = as("ana").submit("Laptops", "sneaky", 6000);
        String step = openStep(as("ana"), request);
        long events = eventCount();

        Api.Response decided = as("vera").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED"));

        assertThat(decided.status()).isEqualTo(409);
        assertThat(decided.detail()).contains("needs the finance check");
        assertThat(eventCount()).isEqualTo(events);
        JsonNode view = as("ana").get("/api/requests/" + request).json();
        assertThat(view.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(as("vera").post("/api/requests/" + request + "/steps/" + step + "/decision",
                Map.of("outcome", "REJECTED", "rationale", "path cannot approve this")).json().path("status")
                .asText()).isEqualTo("REJECTED");
    }

    @Test
    void validationOverHttpNamesTheRouteThatSkipsEveryDecision() {
        String bypass = ProcessDeploymentIntegrationTest.path("bypass-path", "Approval")
                .replace("<bpmn:outgoing>toApproval</bpmn:outgoing>",
                        "<bpmn:outgoing>toApproval</bpmn:outgoing><bpmn:outgoing>skip</bpmn:outgoing>")
                .replace("</bpmn:process>", "<bpmn:sequenceFlow id=\"skip\" sourceRef=\"submitted\" "
                        + "targetRef=\"approved\"/></bpmn:process>");

        Api.Response response = as("olu").postXml("/api/processes/validation", bypass);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).isFalse();
        assertThat(response.json().path("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.path("elementId").asText()).isEqualTo("approved");
            assertThat(problem.path("message").asText())
                    .contains("'Request submitted' (submitted) → 'Approved' (approved)");
        });
        Api.Response deploy = as("olu").postXml("/api/processes", bypass);
        assertThat(deploy.status()).isEqualTo(400);
        assertThat(deploy.detail()).contains("can be reached without anyone deciding");
    }

    void deploy(String key) {
        Api.Response deployed = as("olu").postXml("/api/processes",
                ProcessDeploymentIntegrationTest.path(key, key + " step"));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    }

    void bind(String key, String category, Integer maxAmount) {
        category(category);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("processKey", key, "category", category));
        if (maxAmount != null) {
            body.put("maxAmount", maxAmount);
        }
        Api.Response bound = as("olu").post("/api/processes/bindings", body);
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
    }

    private String stepName(String requestId) {
        return as("ana").get("/api/requests/" + requestId).json().path("steps").get(0).path("name").asText();
    }

    /** Approval, then the finance check only from 100000: valid BPMN, every route passes a decision. */
    private static final String ROUTES_AROUND_FINANCE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="sneaky-d"
                targetNamespace="https://mandate.example">
              <bpmn:process id="sneaky" name="Sneaky" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="approval" name="Approval" camunda:assignee="${routing.approverFor(execution)}"/>
                <bpmn:exclusiveGateway id="howMuch"/>
                <bpmn:userTask id="finance" name="Finance check"
                    camunda:assignee="${routing.financeCheckerFor(execution)}"/>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approval"/>
                <bpmn:sequenceFlow id="f2" sourceRef="approval" targetRef="howMuch"/>
                <bpmn:sequenceFlow id="huge" sourceRef="howMuch" targetRef="finance">
                  <bpmn:conditionExpression>${outcome == 'APPROVED' &amp;&amp; amount &gt;= 100000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="rest" sourceRef="howMuch" targetRef="end">
                  <bpmn:conditionExpression>${outcome == 'REJECTED' || amount &lt; 100000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f3" sourceRef="finance" targetRef="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
}
