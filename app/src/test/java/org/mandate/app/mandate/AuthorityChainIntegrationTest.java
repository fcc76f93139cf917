package org.mandate.app.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;

/**
 * The attacks on the demo school through which a requester picks their own approver: passing on the holder's
 * mandate to a colleague, or having the step lent (or a mandate given) to someone who reports to them. None of
 * them shows the step in the colleague's inbox, and every decision they try is refused with the reason.
 */
class AuthorityChainIntegrationTest extends MandateIntegrationTest {

    private final Instant validFrom = Instant.now().minus(Duration.ofMinutes(1));
    private final Instant validUntil = validFrom.plus(Duration.ofDays(7));
    /** Mandates granted here, revoked after each test: the context is shared, and a mandate left would count. */
    private final List<String[]> granted = new ArrayList<>();
    private final List<String[]> submitted = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        granted.forEach(mandate -> as(mandate[0]).delete("/api/mandates/" + mandate[1]));
        submitted.forEach(request -> as(request[0]).post("/api/requests/" + request[1] + "/withdrawal", Map.of()));
    }

    @Test
    void aRequesterPassingOnTheHoldersMandateCannotPickTheirOwnApprover() {
        String fromSofia = grant("sofia", "ana", 2000, true, null);
        String fromAna = grant("ana", "ben", 2000, false, fromSofia);
        String id = submit("ana", "Microscope", "equipment", 1500);
        String step = openStep(as("ana"), id);

        assertThat(inboxItem("ben", step)).as("ben is not offered ana's request through ana's pass-on").isNull();
        assertThat(as("ana").get("/api/requests/" + id).json().path("steps").get(0).path("holders"))
                .extracting(JsonNode::asText).as("who may decide it").containsExactly("sofia");
        assertThat(as("ben").get("/api/requests/" + id).status()).as("ben takes no part in it").isEqualTo(403);
        Api.Response refusal = refused(this::eventCount, () -> as("ben").post(decision(id, step),
                Map.of("outcome", "APPROVED", "rationale", "Ana asked me to")), 403);
        assertThat(refusal.detail()).contains("sofia -> ana -> ben", "ana passed mandate " + fromAna,
                "ana made this request");
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aStepIsNotLentToSomeoneWhoReportsToTheRequester() {
        String id = submit("liam", "Stage lights", "equipment", 4000);
        String step = openStep(as("liam"), id);

        Api.Response refusal = refused(this::eventCount, () -> as("vera").post(step(id, step) + "/delegation",
                Map.of("to", "ben", "note", "Ben knows the stage")), 403);
        assertThat(refusal.detail()).contains("ben reports to liam");
    }

    @Test
    void aMandateHeldBySomeoneWhoReportsToTheRequesterDoesNotReachTheirRequest() {
        grant("vera", "ben", 5000, false, null);
        String id = submit("liam", "Costumes", "equipment", 3000);
        String step = openStep(as("liam"), id);

        assertThat(inboxItem("ben", step)).isNull();
        Api.Response refusal = refused(this::eventCount, () -> as("ben").post(decision(id, step),
                Map.of("outcome", "APPROVED")), 403);
        assertThat(refusal.detail()).contains("vera -> ben", "ben reports to liam, who made this request");
    }

    private String grant(String from, String to, long maxAmount, boolean mayRedelegate, String passedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        body.put("categories", List.of("*"));
        body.put("maxAmount", maxAmount);
        body.put("currency", "EUR");
        body.put("validFrom", validFrom.toString());
        body.put("validUntil", validUntil.toString());
        body.put("mayRedelegate", mayRedelegate);
        if (passedOn != null) {
            body.put("passedOn", passedOn);
        }
        Api.Response response = as(from).post("/api/mandates", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().path("id").asText();
        granted.add(0, new String[]{from, id});
        return id;
    }

    private String submit(String requester, String title, String category, long amount) {
        String id = as(requester).submit(title, category, amount);
        submitted.add(new String[]{requester, id});
        return id;
    }

    private JsonNode inboxItem(String person, String stepId) {
        for (JsonNode item : as(person).get("/api/inbox").json()) {
            if (item.path("stepId").asText().equals(stepId)) {
                return item;
            }
        }
        return null;
    }

    private static String step(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId;
    }

    private static String decision(String requestId, String stepId) {
        return step(requestId, stepId) + "/decision";
    }
}
