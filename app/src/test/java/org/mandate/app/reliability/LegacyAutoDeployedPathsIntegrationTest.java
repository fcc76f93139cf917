package org.mandate.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation from before bindings, upgraded. Its database was made the old way: Camunda's starter deployed
 * every BPMN file on the classpath (the shipped path, and the modeler's template as a live path). After a restart
 * with the classpath deployment off, the shipped path keeps its one version, a request that was running goes on
 * and ends, new requests are routed by the bindings, and the template, still in the engine, cannot be chosen.
 */
class LegacyAutoDeployedPathsIntegrationTest {

    private static final String EQUIPMENT = "{\"title\":\"%s\",\"category\":\"equipment\",\"amount\":1500,"
            + "\"currency\":\"EUR\"%s}";

    @Test
    void anUpgradedInstallationKeepsItsPathsAndRunningRequests() throws Exception {
        Path work = AppProcess.workDir("legacy-paths");
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + work.resolve("data"),
                "--mandate.demo=true", "--mandate.demo-story=false"))) {
            app.start("--camunda.bpm.auto-deployment-enabled=true");
            Http ana = Http.basic(app.port(), "ana");
            assertThat(Http.basic(app.port(), "olu").get("/api/processes").json().findValuesAsText("key"))
                    .as("the old way deployed the template too").contains("approval", "NEW_KEY");
            Http.Reply before = ana.postJson("/api/requests", EQUIPMENT.formatted("Before the upgrade", ""), Map.of());
            assertThat(before.status()).as(before.body()).isEqualTo(201);
            String running = before.json().path("id").asText();
            app.stop();

            app.start();

            Http olu = Http.basic(app.port(), "olu");
            assertThat(olu.get("/api/processes/approval/versions").json()).as("no second version").hasSize(1);
            Http sofia = Http.basic(app.port(), "sofia");
            String step = openStep(ana.get("/api/requests/" + running).json());
            Http.Reply decided = sofia.postJson("/api/requests/" + running + "/steps/" + step + "/decision",
                    "{\"outcome\":\"APPROVED\"}", Map.of());
            assertThat(decided.json().path("status").asText()).as(decided.body()).isEqualTo("APPROVED");
            Http.Reply after = ana.postJson("/api/requests", EQUIPMENT.formatted("After the upgrade", ""), Map.of());
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            Http.Reply chosen = ana.postJson("/api/requests",
                    EQUIPMENT.formatted("On the template", ",\"processKey\":\"NEW_KEY\""), Map.of());
            assertThat(chosen.status()).isEqualTo(400);
            assertThat(chosen.body()).contains("do not choose the approval path");
            // the demo may also bind its committee path above 10000; the template is never bound
            assertThat(olu.get("/api/processes/bindings").json().findValuesAsText("processKey"))
                    .contains("approval").doesNotContain("NEW_KEY").isSubsetOf("approval", "committee-approval");
        }
    }

    private static String openStep(JsonNode request) {
        for (JsonNode step : request.path("steps")) {
            if ("OPEN".equals(step.path("status").asText())) {
                return step.path("id").asText();
            }
        }
        throw new AssertionError("no open step in " + request);
    }
}
