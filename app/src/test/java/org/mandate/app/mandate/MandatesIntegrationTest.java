package org.mandate.app.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.mandate.domain.mandate.GrantMandate;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;

/** Standing mandates through HTTP: granted, used in the inbox and in decisions, revoked, and refused. */
class MandatesIntegrationTest extends MandateIntegrationTest {

    @Autowired
    TaskService tasks;

    /** One window for every grant in a test, so that a mandate passed on fits inside the one it came from. */
    private final Instant validFrom = Instant.now().minus(Duration.ofMinutes(1));
    private final Instant validUntil = validFrom.plus(Duration.ofDays(7));

    /** The context is shared: a mandate left in force would let its holder decide in other tests. */
    @AfterEach
    void revokeEveryMandateLeft() {
        for (String person : List.of("pat", "vera", "omar", "sofia", "liam", "ana", "ben", "fay")) {
            for (JsonNode mandate : as(person).get("/api/mandates").json()) {
                String status = mandate.path("status").asText();
                if (mandate.path("from").asText().equals(person) && (status.equals("ACTIVE")
                        || status.equals("UPCOMING"))) {
                    assertThat(as(person).delete("/api/mandates/" + mandate.path("id").asText()).status())
                            .isEqualTo(200);
                }
            }
        }
    }

    @Test
    void liamDecidesOnSofiasBehalfUnderHerMandate() {
        JsonNode mandate = grant("sofia", "liam", 2000, "equipment").json();
        assertThat(mandate.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(mandate.path("onBehalfOf").asText()).isEqualTo("sofia");
        String id = as("ana").submit("Microscope", "equipment", 1500);
        String step = openStep(as("ana"), id);

        JsonNode inboxItem = inboxItem("liam", step);
        assertThat(inboxItem).as("liam's inbox shows sofia's step").isNotNull();
        assertThat(inboxItem.path("onBehalfOf").asText()).isEqualTo("sofia");
        assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("holders"))
                .extracting(JsonNode::asText).containsExactly("sofia", "liam");

        Api.Response decided = as("liam").post(decision(id, step), Map.of("outcome", "APPROVED",
                "rationale", "Covering for Sofia"));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        JsonNode recorded = as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("decision");
        assertThat(recorded.path("decidedBy").asText()).isEqualTo("liam");
        assertThat(recorded.path("onBehalfOf").asText()).isEqualTo("sofia");
        assertThat(recorded.path("mandateId").asText()).isEqualTo(mandate.path("id").asText());
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aMandateOutsideItsScopeShowsNothingAndDecidesNothing() {
        grant("sofia", "liam", 2000, "trip");
        String id = as("ana").submit("Beakers", "equipment", 200);
        String step = openStep(as("ana"), id);

        assertThat(inboxItem("liam", step)).isNull();
        refused(this::eventCount, () -> as("liam").post(decision(id, step), Map.of("outcome", "APPROVED")), 403);
    }

    @Test
    void aRevokedMandateNoLongerCounts() {
        String mandate = grant("sofia", "liam", 2000, "*").json().path("id").asText();
        String id = as("ana").submit("Test tubes", "supplies", 120);
        String step = openStep(as("ana"), id);
        assertThat(inboxItem("liam", step)).isNotNull();

        Api.Response revoked = as("sofia").delete("/api/mandates/" + mandate + "?reason=Back%20early");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(inboxItem("liam", step)).isNull();
        Api.Response refusal = refused(this::eventCount,
                () -> as("liam").post(decision(id, step), Map.of("outcome", "APPROVED")), 403);
        assertThat(refusal.detail()).contains("does not cover");
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("sofia");
    }

    @Test
    void nobodyDecidesTheirOwnRequestThroughAMandate() {
        grant("sofia", "ana", 2000, "*");
        String id = as("ana").submit("Lab coat", "supplies", 60);
        String step = openStep(as("ana"), id);

        assertThat(inboxItem("ana", step)).isNull();
        Api.Response refusal = refused(this::eventCount,
                () -> as("ana").post(decision(id, step), Map.of("outcome", "APPROVED")), 403);
        assertThat(refusal.detail()).contains("own request");
    }

    @Test
    void badGrantsAreRefusedWithWhatToDoInstead() {
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", body("sofia", 100, "*")), 400)
                .detail()).contains("yourself");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", body("liam", 5000, "*")), 403)
                .detail()).contains("Lower maxAmount to 2000");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", body("zed", 100, "*")), 400)
                .detail()).contains("'zed'");
        Map<String, Object> backwards = body("liam", 100, "*");
        backwards.put("validUntil", Instant.now().minus(Duration.ofDays(2)).toString());
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", backwards), 400).detail())
                .contains("validFrom before validUntil");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", Map.of("to", "liam")), 400)
                .detail()).contains("'categories'", "'maxAmount'", "'validFrom'");
    }

    @Test
    void aMandateLongerThanTheMaximumOrInAnAbsurdYearIsRefusedNamingTheMaximum() {
        Map<String, Object> tooLong = body("liam", 100, "*");
        tooLong.put("validUntil", validFrom.plus(Duration.ofDays(367)).toString());
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", tooLong), 400).detail())
                .contains("at most P1Y", "mandate.mandates.max-length");
        Map<String, Object> forever = body("liam", 100, "*");
        forever.put("validUntil", "+999999-01-01T00:00:00Z");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", forever), 400).detail())
                .contains("at most P1Y");
        Map<String, Object> farAhead = body("liam", 100, "*");
        farAhead.put("validFrom", "+999999-01-01T00:00:00Z");
        farAhead.put("validUntil", "+999999-01-02T00:00:00Z");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", farAhead), 400).detail())
                .contains("too far ahead");
        Map<String, Object> beyondAnyCalendar = body("liam", 100, "*");
        beyondAnyCalendar.put("validFrom", "-1000000000-01-01T00:00:00Z");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", beyondAnyCalendar), 400)
                .detail()).isNotBlank();
        Map<String, Object> backwards = body("liam", 100, "*");
        backwards.put("validFrom", validUntil.toString());
        backwards.put("validUntil", validFrom.toString());
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/mandates", backwards), 400).detail())
                .contains("validFrom before validUntil");
        Map<String, Object> aYear = body("liam", 100, "*");
        aYear.put("validUntil", validFrom.plus(Duration.ofDays(365)).toString());
        assertThat(as("sofia").post("/api/mandates", aYear).status()).as("a year is allowed").isEqualTo(201);
    }

    @Test
    void aMandateBackWouldMakeACycle() {
        grant("sofia", "liam", 1000, "*");

        Api.Response refusal = refused(this::eventCount,
                () -> as("liam").post("/api/mandates", body("sofia", 500, "*")), 409);
        assertThat(refusal.detail()).contains("sofia -> liam", "cycle");
    }

    @Test
    void onlyTheGrantorOrHolderRevokesAndOnlyOnce() {
        String mandate = grant("vera", "omar", 3000, "*").json().path("id").asText();

        refused(this::eventCount, () -> as("ben").delete("/api/mandates/" + mandate), 403);
        assertThat(as("vera").delete("/api/mandates/" + mandate).status()).isEqualTo(200);
        assertThat(refused(this::eventCount, () -> as("vera").delete("/api/mandates/" + mandate), 409).detail())
                .contains("already revoked");
        refused(this::eventCount, () -> as("vera").delete("/api/mandates/" + java.util.UUID.randomUUID()), 404);
    }

    @Test
    void theApiAndThePageReadAMandatesReasonsTheSameWay() {
        Map<String, Object> padded = body("omar", 3000, "*");
        padded.put("reason", "  Parental leave  ");
        Api.Response granted = as("vera").post("/api/mandates", padded);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().path("reason").asText()).isEqualTo("Parental leave");
        String mandate = granted.json().path("id").asText();

        // the page once took a revocation reason of any length; both now refuse one over the limit, and change nothing
        PageSession vera = PageSession.loggedIn(port, "vera");
        long events = eventCount();
        HttpResponse<String> tooLong = vera.postForm("/mandates/" + mandate + "/revocation",
                Map.of("reason", "x".repeat(GrantMandate.MAX_REASON + 1), "_csrf", vera.csrfFrom("/mandates")));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("The reason is longer than 2000 characters");
        assertThat(eventCount()).isEqualTo(events);

        assertThat(as("vera").delete("/api/mandates/" + mandate + "?reason=%20%20Back%20early%20").json()
                .path("revokeReason").asText()).isEqualTo("Back early");
    }

    @Test
    void aMandateIsPassedOnOnlyWhenTheGrantAllowsIt() {
        Map<String, Object> allowing = body("liam", 1500, "equipment");
        allowing.put("mayRedelegate", true);
        String open = as("sofia").post("/api/mandates", allowing).json().path("id").asText();
        String closed = grant("vera", "liam", 1500, "equipment").json().path("id").asText();

        Map<String, Object> passOn = body("ben", 1000, "equipment");
        passOn.put("passedOn", closed);
        assertThat(refused(this::eventCount, () -> as("liam").post("/api/mandates", passOn), 403).detail())
                .contains("does not allow passing it on");
        passOn.put("passedOn", open);
        Api.Response passed = as("liam").post("/api/mandates", passOn);
        assertThat(passed.status()).as(passed.toString()).isEqualTo(201);
        assertThat(passed.json().path("onBehalfOf").asText()).isEqualTo("sofia");

        String id = as("ana").submit("Scales", "equipment", 900);
        String step = openStep(as("ana"), id);
        assertThat(inboxItem("ben", step).path("onBehalfOf").asText()).isEqualTo("sofia");
        as("ben").post(decision(id, step), Map.of("outcome", "APPROVED"));
        JsonNode recorded = as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("decision");
        assertThat(recorded.path("decidedBy").asText()).isEqualTo("ben");
        assertThat(recorded.path("onBehalfOf").asText()).isEqualTo("sofia");
        assertThat(recorded.path("mandateId").asText()).isEqualTo(passed.json().path("id").asText());
    }

    private Api.Response grant(String from, String to, long maxAmount, String category) {
        Api.Response response = as(from).post("/api/mandates", body(to, maxAmount, category));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private Map<String, Object> body(String to, long maxAmount, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        body.put("categories", List.of(category));
        body.put("maxAmount", maxAmount);
        body.put("currency", "EUR");
        body.put("validFrom", validFrom.toString());
        body.put("validUntil", validUntil.toString());
        body.put("reason", "On leave");
        return body;
    }

    private JsonNode inboxItem(String person, String stepId) {
        for (JsonNode item : as(person).get("/api/inbox").json()) {
            if (item.path("stepId").asText().equals(stepId)) {
                return item;
            }
        }
        return null;
    }

    static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
