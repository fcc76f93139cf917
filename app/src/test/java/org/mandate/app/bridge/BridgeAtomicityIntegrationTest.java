package org.mandate.app.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.binding.BindPath;
import org.mandate.domain.category.AddCategory;
import org.mandate.domain.directory.PersonId;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event, the engine change it causes and the events the engine sends back commit together or not at all.
 * Each case breaks a real approval path at a different point of the chain and checks that neither half is left.
 */
class BridgeAtomicityIntegrationTest extends MandateIntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    /**
     * Broken on purpose, so they go around Mandate's validation: straight into the engine, and bound by command
     * (PathBinder would refuse them), each to a category named after it.
     */
    @BeforeAll
    static void deployAndBindBrokenPaths(@Autowired RepositoryService repository, @Autowired CommandGateway commands) {
        for (String key : new String[] {"broken-first-step", "routed-to-requester", "broken-second-step"}) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                repository.createDeployment().name(key).addClasspathResource("bpmn/test/" + key + ".bpmn").deploy();
                commands.sendAndWait(new AddCategory(key, "Broken " + key, PersonId.of("ivy")));
                commands.sendAndWait(new BindPath(key, key, null, null, PersonId.of("olu")));
            }
        }
    }

    @Test
    void anEngineFailureAfterTheSubmissionLeavesNoEventAndNoProcess() {
        long events = eventCount();
        long instances = runtime.createProcessInstanceQuery().count();

        Api.Response response = as("ana").post("/api/requests", submission("broken-first-step"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void aStepTheAggregateRefusesRollsBackTheEngineToo() {
        long events = eventCount();
        long instances = runtime.createProcessInstanceQuery().count();

        Api.Response response = as("ana").post("/api/requests", submission("routed-to-requester"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.detail()).contains("routed step 'First' to the requester");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void anEngineFailureAfterADecisionLeavesTheStepUndecidedAndTheTaskOpen() {
        String id = as("ana").post("/api/requests", submission("broken-second-step")).json().path("id").asText();
        String step = openStep(as("ana"), id);
        long events = eventCount();

        Api.Response response = as("sofia").post("/api/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(tasks.createTaskQuery().taskId(step).count()).isEqualTo(1);
        assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("status").asText())
                .isEqualTo("OPEN");
        assertThat(as("sofia").get("/api/inbox").json().findValuesAsText("stepId")).contains(step);
    }

    private static Map<String, Object> submission(String processKey) {
        return Map.of("title", "Test path " + processKey, "category", processKey, "amount", 100,
                "currency", "EUR");
    }
}
