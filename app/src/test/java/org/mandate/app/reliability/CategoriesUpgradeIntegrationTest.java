package org.mandate.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation from before the managed list of categories (issue 25, ADR 0022), upgraded: its store has requests
 * and mandates in categories but no category event. Made here by removing the list's events and rows from a store
 * that had them. After the restart the list is seeded from what is in use, so nothing that worked is refused.
 */
class CategoriesUpgradeIntegrationTest {

    @Test
    void anUpgradedStoreSeedsTheListFromTheCategoriesInUse() throws Exception {
        Path work = AppProcess.workDir("categories-upgrade");
        Path data = work.resolve("data");
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + data,
                "--mandate.demo=true", "--mandate.demo-story=false"))) {
            app.start();
            Http ivy = Http.basic(app.port(), "ivy");
            for (String key : List.of("violins", "sheet-music")) {
                assertThat(ivy.postJson("/api/categories", Map.of("key", key, "name", "Old " + key)).status())
                        .isEqualTo(201);
            }
            Http.Reply request = Http.basic(app.port(), "ana").postJson("/api/requests", Map.of("title", "Strings",
                    "category", "violins", "amount", 300, "currency", "EUR"));
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            Http.Reply mandate = Http.basic(app.port(), "sofia").postJson("/api/mandates", Map.of("to", "liam",
                    "categories", List.of("sheet-music"), "maxAmount", 500, "currency", "EUR",
                    "validFrom", Instant.now().toString(),
                    "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "reason", "Concert season"));
            assertThat(mandate.status()).as(mandate.body()).isEqualTo(201);
            app.stop();

            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("mandate"), "sa", "")) {
                db.createStatement().executeUpdate("delete from domain_event_entry "
                        + "where aggregate_identifier = 'categories'");
                db.createStatement().executeUpdate("delete from request_category");
            }

            app.start();

            Map<String, JsonNode> listed = new HashMap<>();
            Http.basic(app.port(), "ana").get("/api/categories").json()
                    .forEach(category -> listed.put(category.path("key").asText(), category));
            assertThat(listed).as("seeded from the request and the mandate").containsKeys("violins", "sheet-music");
            assertThat(listed.get("violins").path("name").asText()).as("named after its key").isEqualTo("Violins");
            assertThat(listed.get("sheet-music").path("active").asBoolean()).isTrue();
            assertThat(listed).as("and the demo adds its own").containsKeys("equipment", "trip");
            Http.Reply again = Http.basic(app.port(), "ana").postJson("/api/requests", Map.of("title", "Bows",
                    "category", "violins", "amount", 120, "currency", "EUR"));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
        }
    }
}
