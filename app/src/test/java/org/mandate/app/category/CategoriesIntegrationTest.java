package org.mandate.app.category;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 25: categories are a managed list, and every place that takes one refuses a category not on it. */
class CategoriesIntegrationTest extends MandateIntegrationTest {

    private static final String TYPO = "equipmnet";

    @Test
    void anUnknownCategoryIsRefusedEverywhereNamingTheKnownOnesAndTheClosest() {
        long events = eventCount();

        Api.Response submission = as("ana").post("/api/requests", Map.of("title", "Microscope", "category", TYPO,
                "amount", 300, "currency", "EUR"));
        Api.Response mandate = as("sofia").post("/api/mandates", Map.of("to", "liam", "categories", List.of(TYPO),
                "maxAmount", 500, "currency", "EUR", "validFrom", Instant.now().toString(),
                "validUntil", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "reason", "Away"));
        Api.Response binding = as("olu").post("/api/processes/bindings", Map.of("processKey", "approval",
                "category", TYPO, "maxAmount", 1000));
        Api.Response committee = as("ivy").put("/api/committees/budget-committee/authority",
                Map.of("limits", Map.of(TYPO, 100), "currency", "EUR"));
        Api.Response directory = as("ivy").postFile("/api/admin/directory/import", "text/csv",
                "id,authority\nsofia," + TYPO + "=500\n");

        for (Api.Response refused : List.of(submission, mandate, binding, committee)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.detail()).as(refused.toString()).contains("Unknown category 'equipmnet'; known: ",
                    "equipment", "supplies", "Did you mean 'equipment'?");
        }
        assertThat(submission.json().path("known").toString()).contains("\"equipment\"", "\"trip\"");
        assertThat(directory.status()).as("a dry run reports it").isEqualTo(400);
        assertThat(directory.json().path("problems").get(0).path("problem").asText())
                .startsWith("Unknown category 'equipmnet'").contains("Did you mean 'equipment'?");
        assertThat(eventCount()).as("nothing recorded").isEqualTo(events);
    }

    @Test
    void everyCategoryStillTakesTheStarWhereItMeansEveryCategory() {
        Api.Response mandate = as("sofia").post("/api/mandates", Map.of("to", "liam", "categories", List.of("*"),
                "maxAmount", 100, "currency", "EUR", "validFrom", Instant.now().toString(),
                "validUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "reason", "Away"));
        assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);
        as("sofia").delete("/api/mandates/" + mandate.json().path("id").asText());
    }

    @Test
    void renamingKeepsTheKeySoRequestsLimitsAndMandatesKeepIt() {
        String key = "robotics-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response added = as("ivy").post("/api/categories", Map.of("key", key, "name", "Robotics " + key));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String before = as("ana").submit("Servo kit", key, 120);

        Api.Response renamed = as("ivy").put("/api/categories/" + key, Map.of("name", "Robots and kits " + key));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("key").asText()).isEqualTo(key);
        assertThat(listed(key).path("name").asText()).isEqualTo("Robots and kits " + key);
        assertThat(listed(key).path("active").asBoolean()).isTrue();
        assertThat(as("ana").get("/api/requests/" + before).json().path("category").asText()).isEqualTo(key);
        assertThat(as("ana").submit("Sensors", key, 80)).isNotBlank();
    }

    @Test
    void aRetiredCategoryStaysOnItsRequestsButTakesNoNewOne() {
        String key = "chalk-" + UUID.randomUUID().toString().substring(0, 6);
        as("ivy").post("/api/categories", Map.of("key", key, "name", "Chalk " + key));
        String earlier = as("ana").submit("Chalk", key, 20);

        Api.Response retired = as("ivy").post("/api/categories/" + key + "/retirement", null);
        Api.Response submitted = as("ana").post("/api/requests", Map.of("title", "More chalk", "category", key,
                "amount", 20, "currency", "EUR"));
        Api.Response again = as("ivy").post("/api/categories/" + key + "/retirement", null);

        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().path("active").asBoolean()).isFalse();
        assertThat(retired.json().path("retiredAt").asText()).isNotBlank();
        assertThat(submitted.status()).isEqualTo(400);
        assertThat(submitted.detail()).startsWith("Category '" + key + "' was retired; nothing new can be started");
        assertThat(again.status()).isEqualTo(409);
        JsonNode kept = as("ana").get("/api/requests/" + earlier).json();
        assertThat(kept.path("category").asText()).isEqualTo(key);
        assertThat(kept.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(listed(key).path("active").asBoolean()).isFalse();
        // the submit page offers only what a submission accepts
        assertThat(PageSession.loggedIn(port, "ana").get("/requests/new").body()).contains("value=\"equipment\"")
                .doesNotContain("value=\"" + key + "\"");
    }

    @Test
    void onlyAdministratorsChangeTheListAndTheirMistakesAreExplained() {
        assertThat(as("ana").post("/api/categories", Map.of("key", "snacks", "name", "Snacks")).status())
                .isEqualTo(403);
        List<String> details = new ArrayList<>();
        details.add(as("ivy").post("/api/categories", Map.of("key", "equipment", "name", "Gear")).detail());
        details.add(as("ivy").post("/api/categories", Map.of("key", "Big Things!", "name", "Big")).detail());
        details.add(as("ivy").put("/api/categories/no-such-" + UUID.randomUUID(), Map.of("name", "X")).detail());
        assertThat(details.get(0)).contains("exists already", "rename it instead");
        assertThat(details.get(1)).contains("cannot be a category key");
        assertThat(details.get(2)).contains("There is no category", "GET /api/categories");
    }

    private JsonNode listed(String key) {
        for (JsonNode category : as("ana").get("/api/categories").json()) {
            if (category.path("key").asText().equals(key)) {
                return category;
            }
        }
        throw new AssertionError("'" + key + "' is not listed");
    }
}
