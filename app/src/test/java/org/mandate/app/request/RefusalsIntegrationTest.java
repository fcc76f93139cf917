package org.mandate.app.request;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.request.ApprovalPathIntegrationTest.decision;

/** Every bad call gets a problem+json with a detail a person can act on, and leaves no event behind. */
class RefusalsIntegrationTest extends MandateIntegrationTest {

    @Test
    void anAmountNobodyInTheChainMayApproveNamesTheLargestTheyCan() {
        Api.Response response = refused(() -> as("ana").post("/api/requests", body("150000")), 400);
        assertThat(response.detail()).contains("largest amount your chain can approve is 50000");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Response response = refused(() -> as("ana").postRaw("/api/requests", "{\"title\": \"Bus\","), 400);
        assertThat(response.detail()).contains("not valid JSON");
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response response = refused(() -> as("ana").post("/api/requests", Map.of("title", "Bus")), 400);
        assertThat(response.detail()).contains("'amount'", "'category'", "'currency'");
    }

    @Test
    void negativeAbsurdAndMistypedAmountsAreRefused() {
        assertThat(refused(() -> as("ana").post("/api/requests", body("-5")), 400).detail())
                .contains("'amount' must be greater than zero");
        assertThat(refused(() -> as("ana").post("/api/requests", body("1e15")), 400).detail()).contains("'amount'");
        assertThat(refused(() -> as("ana").post("/api/requests", body("\"lots\"")), 400).detail())
                .contains("'amount'");
    }

    @Test
    void anotherCurrencyIsRefusedWithTheOneToUse() {
        Api.Response response = refused(() -> as("ana").post("/api/requests", Map.of("title", "Bus",
                "category", "trip", "amount", 10, "currency", "USD")), 400);
        assertThat(response.detail()).contains("EUR");
    }

    @Test
    void unknownRequestsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(refused(() -> as("ana").get("/api/requests/" + unknown), 404).detail()).contains(unknown);
        refused(() -> as("sofia").post(decision(unknown, "nope"), Map.of("outcome", "APPROVED")), 404);
        assertThat(refused(() -> as("ana").get("/api/requests/not-a-uuid"), 400).detail()).contains("not-a-uuid");
    }

    @Test
    void decidingAStepYouDoNotHoldIsForbidden() {
        String id = as("ana").submit("Paint", "supplies", 100);
        String step = openStep(as("ana"), id);

        Api.Response response = refused(() -> as("liam").post(decision(id, step), Map.of("outcome", "APPROVED")),
                403);
        assertThat(response.detail()).contains("assigned to sofia");
    }

    @Test
    void decidingAClosedStepIsAConflict() {
        String id = as("ana").submit("Pens", "supplies", 50);
        String step = openStep(as("ana"), id);
        assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(200);

        Api.Response again = refused(() -> as("sofia").post(decision(id, step),
                Map.of("outcome", "REJECTED", "rationale", "second thoughts")), 409);
        assertThat(again.detail()).contains("already approved");
    }

    @Test
    void aRejectionWithoutRationaleIsRefused() {
        String id = as("ana").submit("Globe", "supplies", 80);
        String step = openStep(as("ana"), id);

        assertThat(refused(() -> as("sofia").post(decision(id, step), Map.of("outcome", "REJECTED")), 400).detail())
                .contains("rationale");
        assertThat(refused(() -> as("sofia").post(decision(id, step), Map.of("outcome", "MAYBE")), 400).detail())
                .contains("outcome");
    }

    @Test
    void onlyTheRequesterWithdraws() {
        String id = as("ana").submit("Chairs", "equipment", 400);

        refused(() -> as("sofia").post("/api/requests/" + id + "/withdrawal", Map.of()), 403);
    }

    @Test
    void strangersCannotReadARequestButManagersAndAuditorsCan() {
        String id = as("ana").submit("Easels", "equipment", 200);

        assertThat(refused(() -> as("ben").get("/api/requests/" + id), 403).detail()).contains("not part");
        assertThat(as("vera").get("/api/requests/" + id).status()).isEqualTo(200);
        assertThat(as("pat").get("/api/requests/" + id).status()).isEqualTo(200);
        assertThat(as("ada").get("/api/requests/" + id).status()).isEqualTo(200);
    }

    @Test
    void theApiNeedsALogin() {
        assertThat(refused(() -> anonymous().get("/api/inbox"), 401).detail()).contains("Log in");
        assertThat(new Api(port, "ana", "wrong").get("/api/inbox").status()).isEqualTo(401);
    }

    /** Runs the call, checks status and problem+json, and that the event store did not change. */
    private Api.Response refused(Supplier<Api.Response> call, int status) {
        long before = eventCount();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).isNotBlank();
        assertThat(eventCount()).isEqualTo(before);
        return response;
    }

    private static String body(String amount) {
        return "{\"title\": \"Bus\", \"category\": \"trip\", \"currency\": \"EUR\", \"amount\": " + amount + "}";
    }
}
