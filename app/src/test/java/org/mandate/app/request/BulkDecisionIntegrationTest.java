package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;
import static org.mandate.app.request.ApprovalPathIntegrationTest.decision;

/** Sofia approves several steps at once; each is decided or refused on its own, and the answer says which. */
class BulkDecisionIntegrationTest extends MandateIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachStepIsDecidedOrRefusedOnItsOwnAndARetryChangesNothing() throws Exception {
        String mine = as("ana").submit("Bulk chalk", "supplies", 120);
        String mineStep = openStep(as("ana"), mine);
        String alsoMine = as("ana").submit("Bulk pens", "supplies", 60);
        String alsoMineStep = openStep(as("ana"), alsoMine);
        String liams = as("ben").submit("Bulk paint", "supplies", 200);
        String liamsStep = openStep(as("ben"), liams);
        String decided = as("ana").submit("Bulk rulers", "supplies", 30);
        String decidedStep = openStep(as("ana"), decided);
        as("sofia").post(decision(decided, decidedStep), Map.of("outcome", "APPROVED"));
        String unknown = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(Map.of("outcome", "APPROVED", "rationale", "All within budget",
                "items", List.of(item(mine, mineStep), item(liams, liamsStep), item(decided, decidedStep),
                        item(unknown, "step-1"), item(alsoMine, alsoMineStep))));
        String key = UUID.randomUUID().toString();
        long before = eventCount();

        HttpResponse<String> first = post("sofia", body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.path("decided").asInt()).isEqualTo(2);
        assertThat(answer.path("refused").asInt()).isEqualTo(3);
        JsonNode results = answer.path("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).path("result").asText()).isEqualTo("decided");
        assertThat(results.get(1).path("result").asText()).isEqualTo("refused");
        assertThat(results.get(1).path("status").asInt()).as("not hers to decide").isEqualTo(403);
        assertThat(results.get(2).path("status").asInt()).as("already decided").isEqualTo(409);
        assertThat(results.get(2).path("detail").asText()).isNotBlank();
        assertThat(results.get(3).path("status").asInt()).as("no such request").isEqualTo(404);
        assertThat(results.get(4).path("result").asText()).as("a refusal above does not stop the rest")
                .isEqualTo("decided");
        assertThat(status("ana", mine)).isEqualTo("APPROVED");
        assertThat(status("ana", alsoMine)).isEqualTo("APPROVED");
        assertThat(status("ben", liams)).isEqualTo("IN_REVIEW");
        JsonNode step = as("ana").get("/api/requests/" + mine).json().path("steps").get(0).path("decision");
        assertThat(step.path("decidedBy").asText()).isEqualTo("sofia");
        assertThat(step.path("rationale").asText()).isEqualTo("All within budget");
        long after = eventCount();
        assertThat(after).as("events for the two decided steps only").isGreaterThan(before);

        HttpResponse<String> retry = post("sofia", body, key);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(eventCount()).as("the retry records nothing").isEqualTo(after);
        assertThat(post("sofia", body.replace("All within budget", "Other"), key).statusCode())
                .as("the key belongs to that batch").isEqualTo(422);
    }

    @Test
    void aRefusalOfTheFirstStepStillLetsTheKeyCoverTheBatch() throws Exception {
        String decided = as("ana").submit("Bulk tape", "supplies", 15);
        String decidedStep = openStep(as("ana"), decided);
        as("sofia").post(decision(decided, decidedStep), Map.of("outcome", "APPROVED"));
        String open = as("ana").submit("Bulk staples", "supplies", 12);
        String body = JSON.writeValueAsString(Map.of("outcome", "REJECTED", "rationale", "Use the store cupboard",
                "items", List.of(item(decided, decidedStep), item(open, openStep(as("ana"), open)))));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("sofia", body, key);
        long after = eventCount();
        HttpResponse<String> retry = post("sofia", body, key);

        assertThat(JSON.readTree(first.body()).path("decided").asInt()).as(first.body()).isEqualTo(1);
        assertThat(status("ana", open)).isEqualTo("REJECTED");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aMalformedBatchIsRefusedWhole() {
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i <= BulkDecisions.MAX_ITEMS; i++) {
            tooMany.add(item(UUID.randomUUID().toString(), "s" + i));
        }
        Api.Response refusal = refused(this::eventCount, () -> as("sofia").post("/api/inbox/decisions",
                Map.of("outcome", "APPROVED", "items", tooMany)), 400);
        assertThat(refusal.detail()).contains("At most 100");
        assertThat(refusal.json().path("parameter").asText()).isEqualTo("items");
        refused(this::eventCount, () -> as("sofia").post("/api/inbox/decisions",
                Map.of("outcome", "APPROVED", "items", List.of())), 400);
        refused(this::eventCount, () -> as("sofia").post("/api/inbox/decisions",
                Map.of("items", List.of(item(UUID.randomUUID().toString(), "s")))), 400);
        refused(this::eventCount, () -> as("sofia").post("/api/inbox/decisions",
                Map.of("outcome", "MAYBE", "items", List.of(item(UUID.randomUUID().toString(), "s")))), 400);
    }

    private String status(String viewer, String request) {
        return as(viewer).get("/api/requests/" + request).json().path("status").asText();
    }

    private static Map<String, String> item(String requestId, String stepId) {
        return Map.of("requestId", requestId, "stepId", stepId);
    }

    private HttpResponse<String> post(String person, String body, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/inbox/decisions"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((person + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
