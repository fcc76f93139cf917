package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor steps through a request event by event, and a successor finds how similar requests were decided. */
class ReplayAndKnowledgeIntegrationTest extends MandateIntegrationTest {

    @Test
    void replayShowsTheStateAfterEachEventOnThePathVersionInForce() {
        String id = as("ana").submit("Smartboard", "equipment", 8000);
        String approval = openStep(as("ana"), id);
        as("vera").post(decision(id, approval), Map.of("outcome", "APPROVED", "rationale", "Old one broke"));
        String finance = openStep(as("ana"), id);
        as("fay").post(decision(id, finance), Map.of("outcome", "APPROVED", "rationale", "Budget line 4"));

        JsonNode frames = as("ada").get("/api/audit/requests/" + id + "/replay").json().path("frames");

        assertThat(frames).hasSize(6);
        assertThat(frames.get(0).path("state").path("status").asText()).isEqualTo("IN_REVIEW");
        JsonNode atApproval = frames.get(1).path("state");
        assertThat(atApproval.path("activeSteps").get(0).asText()).isEqualTo(approval);
        assertThat(atApproval.path("activeElements").get(0).asText()).isEqualTo("managerApproval");
        assertThat(atApproval.path("pathVersion").asText()).startsWith("approval:");
        assertThat(frames.get(1).path("inForce").path("authority").has("vera")).isTrue();
        JsonNode decided = frames.get(2);
        assertThat(decided.path("event").path("actor").asText()).isEqualTo("vera");
        assertThat(decided.path("state").path("steps").get(0).path("decision").path("rationale").asText())
                .isEqualTo("Old one broke");
        assertThat(frames.get(3).path("state").path("activeElements").get(0).asText()).isEqualTo("financeCheck");
        assertThat(frames.get(5).path("state").path("status").asText()).isEqualTo("APPROVED");
        assertThat(frames.get(5).path("state").path("activeSteps")).isEmpty();

        String pathVersion = atApproval.path("pathVersion").asText();
        Api.Response xml = as("ada").get("/api/audit/paths/" + pathVersion + "/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body()).contains("id=\"managerApproval\"");
    }

    @Test
    void replayShowsALentStepWithTheColleagueAndARecalledOneBackWithItsHolder() {
        String id = as("ana").submit("Lab coats", "supplies", 120);
        String step = openStep(as("ana"), id);
        String delegation = "/api/requests/" + id + "/steps/" + step + "/delegation";
        as("sofia").post(delegation, Map.of("to", "liam"));
        as("sofia").delete(delegation);

        JsonNode frames = as("ada").get("/api/audit/requests/" + id + "/replay").json().path("frames");

        assertThat(frames).hasSize(4);
        assertThat(frames.get(2).path("state").path("steps").get(0).path("assignee").asText()).isEqualTo("liam");
        JsonNode recalled = frames.get(3).path("state").path("steps").get(0);
        assertThat(recalled.path("assignee").asText()).isEqualTo("sofia");
        assertThat(recalled.path("handovers").findValuesAsText("type"))
                .containsExactly("StepDelegated", "StepDelegationRecalled");
        assertThat(recalled.path("handovers").get(1).path("from").asText()).isEqualTo("liam");
    }

    @Test
    void replayAsOfAnInstantStopsThere() {
        String id = as("ben").submit("Easels", "equipment", 900);
        String step = openStep(as("ben"), id);
        as("liam").post(decision(id, step), Map.of("outcome", "APPROVED"));
        JsonNode all = as("ada").get("/api/audit/requests/" + id + "/replay").json().path("frames");
        String openedAt = all.get(1).path("event").path("at").asText();

        JsonNode asOf = as("ada").get("/api/audit/requests/" + id + "/replay?asOf=" + openedAt).json();

        assertThat(asOf.path("frames")).hasSize(2);
        assertThat(asOf.path("state").path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(asOf.path("state").path("activeSteps").get(0).asText()).isEqualTo(step);
        Api.Response tooEarly = as("ada").get("/api/audit/requests/" + id + "/replay?asOf=2001-01-01T00:00:00Z");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.detail()).contains("did not exist yet", "Choose a later asOf");
        assertThat(as("ada").get("/api/audit/requests/" + UUID.randomUUID() + "/replay").status()).isEqualTo(404);
        assertThat(as("ben").get("/api/audit/requests/" + id + "/replay").status()).isEqualTo(403);
    }

    @Test
    void pastDecisionsAreFoundByWordsCategoryAndAmount() {
        String word = "planetarium" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ana").submit("Trip to the " + word, "trip", 450);
        String step = openStep(as("ana"), id);
        as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED",
                "rationale", "Educational value outweighs the coach cost"));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("ada").get("/api/audit/decisions?q=" + word).json().size() == 1);
        JsonNode found = as("ada").get("/api/audit/decisions?q=educational+" + word
                + "&category=trip&minAmount=100&maxAmount=500").json();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("decidedBy").asText()).isEqualTo("sofia");
        assertThat(found.get(0).path("rationale").asText()).contains("Educational value");
        assertThat(as("ada").get("/api/audit/decisions?q=" + word + "&maxAmount=400").json()).isEmpty();
        assertThat(as("ada").get("/api/audit/decisions?q=" + word + "&category=equipment").json()).isEmpty();
        Api.Response emptyRange = as("ada").get("/api/audit/decisions?minAmount=500&maxAmount=100");
        assertThat(emptyRange.status()).isEqualTo(400);
        assertThat(emptyRange.detail()).contains("Swap them");
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
