package org.mandate.app.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;

/**
 * Sofia's inbox with four steps of one test's own, told apart from the shared database's others by a word in their
 * titles ({@code q}): two her own (from Ana), one Liam lent her, one she may decide under a mandate from Liam.
 */
class InboxFiltersIntegrationTest extends MandateIntegrationTest {

    private String tag;
    private String alpha;
    private String beta;
    private String gamma;
    private String delta;
    private String mandate;

    @BeforeEach
    void fourSteps() {
        tag = "zq" + UUID.randomUUID().toString().substring(0, 8);
        alpha = openStep(as("ana"), as("ana").submit(tag + " alpha chalk", "supplies", 300));
        beta = openStep(as("ana"), as("ana").submit(tag + " Beta microscope", "equipment", 1500));
        String gammaRequest = as("ben").submit(tag + " gamma paint", "supplies", 800);
        gamma = openStep(as("ben"), gammaRequest);
        Api.Response lent = as("liam").post("/api/requests/" + gammaRequest + "/steps/" + gamma + "/delegation",
                Map.of("to", "sofia"));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        Map<String, Object> grant = new HashMap<>(Map.of("to", "sofia", "categories", List.of("events"),
                "maxAmount", 1000, "currency", "EUR", "mayRedelegate", false, "validFrom", from.toString(),
                "validUntil", from.plus(Duration.ofDays(1)).toString()));
        Api.Response granted = as("liam").post("/api/mandates", grant);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        mandate = granted.json().path("id").asText();
        delta = openStep(as("ben"), as("ben").submit(tag + " delta stage", "events", 500));
    }

    @AfterEach
    void revoke() {
        as("liam").delete("/api/mandates/" + mandate + "?reason=test%20over");
    }

    @Test
    void eachFilterNarrowsTheInbox() {
        assertThat(steps("")).containsExactlyInAnyOrder(alpha, beta, gamma, delta);
        assertThat(steps("&q=" + tag.toUpperCase())).as("any case").containsExactlyInAnyOrder(alpha, beta, gamma,
                delta);
        assertThat(as("sofia").get("/api/inbox?q=" + tag + "%20bETA").json().findValuesAsText("stepId"))
                .containsExactly(beta);
        assertThat(steps("&category=supplies")).containsExactlyInAnyOrder(alpha, gamma);
        assertThat(steps("&requester=ben")).containsExactlyInAnyOrder(gamma, delta);
        assertThat(steps("&minAmount=400&maxAmount=1000")).containsExactlyInAnyOrder(gamma, delta);
        assertThat(steps("&minAmount=1500")).containsExactly(beta);
        assertThat(steps("&for=own")).containsExactlyInAnyOrder(alpha, beta);
        assertThat(steps("&for=lent")).containsExactly(gamma);
        assertThat(steps("&for=mandate")).containsExactly(delta);
        assertThat(inbox("&for=mandate").get(0).path("onBehalfOf").asText()).isEqualTo("liam");
        assertThat(steps("&overdue=true")).as("nothing is late yet").isEmpty();
        assertThat(steps("&overdue=false")).containsExactlyInAnyOrder(alpha, beta, gamma, delta);
        List<String> withDeadline = new ArrayList<>();
        for (JsonNode item : inbox("")) {
            if (!item.path("dueAt").isNull() && !item.path("dueAt").isMissingNode()) {
                withDeadline.add(item.path("stepId").asText());
            }
        }
        assertThat(steps("&dueBefore=2100-01-01T00:00:00Z")).containsExactlyInAnyOrderElementsOf(withDeadline);
        assertThat(steps("&dueBefore=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(steps("&category=supplies&requester=ana")).containsExactly(alpha);
        assertThat(as("liam").get("/api/inbox?q=" + tag).json().findValuesAsText("stepId"))
                .as("what Liam lent is no longer his to decide").doesNotContain(gamma);
    }

    @Test
    void sortsAndPages() {
        assertThat(steps("&sort=amount")).containsExactly(alpha, delta, gamma, beta);
        assertThat(steps("&sort=-amount")).containsExactly(beta, gamma, delta, alpha);
        assertThat(steps("&sort=age")).as("the longest waiting first").containsExactly(alpha, beta, gamma, delta);
        assertThat(steps("&sort=-age")).containsExactly(delta, gamma, beta, alpha);
        List<Instant> due = new ArrayList<>();
        for (JsonNode item : inbox("&sort=due")) {
            due.add(item.path("dueAt").isTextual() ? Instant.parse(item.path("dueAt").asText()) : Instant.MAX);
        }
        assertThat(due).as("the nearest deadline first, none last").isSorted();

        HttpResponse<String> second = raw("sofia", "/api/inbox?q=" + tag + "&sort=amount&size=2&page=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(steps("&sort=amount&size=2&page=1")).containsExactly(alpha, delta);
        assertThat(steps("&sort=amount&size=2&page=2")).containsExactly(gamma, beta);
        assertThat(steps("&sort=amount&size=2&page=3")).isEmpty();
        assertThat(steps("&sort=amount&page=1")).as("50 to a page by default").hasSize(4);
    }

    @Test
    void badValuesAreRefusedNamingTheParameterAndWhatItAccepts() {
        expectRefusal("sort=size", "sort", "due, age, amount");
        expectRefusal("sort=-", "sort", "due, age, amount");
        expectRefusal("size=201", "size", "1 to 200");
        expectRefusal("size=0", "size", "1 to 200");
        expectRefusal("page=first", "page", "whole number");
        expectRefusal("for=boss", "for", "own, mandate, lent");
        expectRefusal("minAmount=lots", "minAmount", "number");
        expectRefusal("maxAmount=-5", "maxAmount", "number");
        expectRefusal("minAmount=900&maxAmount=100", "maxAmount", "not below minAmount");
        expectRefusal("overdue=maybe", "overdue", "true, false");
        expectRefusal("dueBefore=tomorrow", "dueBefore", "2026-12-31T17:00:00Z");
        expectRefusal("q=" + "x".repeat(201), "q", "200 characters");
    }

    @Test
    void savedFiltersBelongToTheirPersonAlone() {
        String name = "Small supplies " + tag;
        String encoded = name.replace(" ", "%20");
        long before = eventCount();

        Api.Response saved = as("sofia").post("/api/inbox/filters", Map.of("name", name,
                "query", "category=supplies&maxAmount=500&q=" + tag + "&sort=-amount&page=2"));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String query = saved.json().path("query").asText();
        assertThat(query).as("kept without paging, in a fixed order")
                .isEqualTo("category=supplies&maxAmount=500&q=" + tag + "&sort=-amount");
        assertThat(eventCount()).as("one event, InboxFilterSaved").isEqualTo(before + 1);
        assertThat(savedNames("sofia")).contains(name);
        assertThat(steps("&" + query.replace("q=" + tag + "&", ""))).containsExactly(alpha);
        assertThat(savedNames("liam")).as("nobody sees another's filters").doesNotContain(name);
        refused(this::eventCount, () -> as("liam").delete("/api/inbox/filters/" + encoded), 404);

        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/inbox/filters", Map.of("name", "Odd",
                "query", "sort=size")), 400).json().path("parameter").asText()).isEqualTo("sort");
        assertThat(refused(this::eventCount, () -> as("sofia").post("/api/inbox/filters", Map.of("name", "Odd",
                "query", "colour=red")), 400).detail()).contains("'colour'");
        refused(this::eventCount, () -> as("sofia").post("/api/inbox/filters", Map.of("query", "for=own")), 400);

        Api.Response replaced = as("sofia").post("/api/inbox/filters", Map.of("name", name, "query", "for=lent"));
        assertThat(replaced.json().path("query").asText()).isEqualTo("for=lent");
        assertThat(as("sofia").get("/api/inbox/filters").json().findValuesAsText("name").stream()
                .filter(name::equals)).as("saved under the same name, replaced").hasSize(1);

        assertThat(as("sofia").delete("/api/inbox/filters/" + encoded).status()).isEqualTo(204);
        assertThat(savedNames("sofia")).doesNotContain(name);
    }

    private void expectRefusal(String parameters, String parameter, String accepted) {
        Api.Response refusal = refused(this::eventCount, () -> as("sofia").get("/api/inbox?" + parameters), 400);
        assertThat(refusal.json().path("parameter").asText()).as(parameters).isEqualTo(parameter);
        assertThat(refusal.json().path("accepted").asText()).as(parameters).contains(accepted);
        assertThat(refusal.detail()).as(parameters).contains(parameter);
    }

    private List<String> savedNames(String person) {
        return as(person).get("/api/inbox/filters").json().findValuesAsText("name");
    }

    private JsonNode inbox(String parameters) {
        Api.Response answer = as("sofia").get("/api/inbox?q=" + tag + parameters);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private List<String> steps(String parameters) {
        return inbox(parameters).findValuesAsText("stepId");
    }

    private HttpResponse<String> raw(String person, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((person + ":demo")
                            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
