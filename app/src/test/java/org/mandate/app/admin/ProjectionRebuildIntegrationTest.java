package org.mandate.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.projection.InlineRebuilds;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each projection rebuilt from event zero, while the app serves, ends with exactly the rows it had. */
class ProjectionRebuildIntegrationTest extends MandateIntegrationTest {

    private static final Map<String, List<String>> TABLES = Map.of(
            "request-view", List.of("select * from request_view order by id",
                    "select * from request_step_view order by id"),
            "inbox", List.of("select * from inbox_request order by request_id",
                    "select * from inbox_item order by step_id"),
            "audit-trail", List.of("select * from audit_event order by global_index"),
            "decision-knowledge", List.of("select * from knowledge_request order by request_id",
                    "select * from knowledge_decision order by step_id", "select * from knowledge_person order by id"));

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    InlineRebuilds inline;

    @Test
    void everyProjectionRebuildsToTheRowsItHad() {
        String decided = as("ana").submit("Test tubes", "equipment", 150);
        as("sofia").post(decision(decided, openStep(as("ana"), decided)), Map.of("outcome", "APPROVED",
                "rationale", "Stock is low"));
        as("ben").submit("Brushes", "supplies", 80);

        for (String name : TABLES.keySet()) {
            awaitCaughtUp(name);
            List<List<Map<String, Object>>> before = rows(name);

            Api.Response rebuild = as("ivy").post("/api/admin/projections/" + name + "/rebuild", "");
            assertThat(rebuild.status()).as(name).isEqualTo(202);
            awaitCaughtUp(name);

            assertThat(rows(name)).as(name).isEqualTo(before);
        }
    }

    @Test
    void theAppKeepsServingWhileAProjectionRebuilds() {
        as("ivy").post("/api/admin/projections/audit-trail/rebuild", "");
        String during = as("ana").submit("Magnifiers", "equipment", 60);

        awaitCaughtUp("audit-trail");

        Long rows = jdbc.queryForObject("select count(*) from audit_event where request_id = ?", Long.class, during);
        assertThat(rows).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where global_index > 0", Long.class))
                .isEqualTo(eventCount());
    }

    @Test
    void onlyAdminsRebuildAndOnlyWhatCanBeRebuilt() {
        assertThat(as("ada").post("/api/admin/projections/inbox/rebuild", "").status()).isEqualTo(403);
        Api.Response ledger = as("ivy").post("/api/admin/projections/ledger/rebuild", "");
        assertThat(ledger.status()).isEqualTo(409);
        assertThat(ledger.detail()).contains("verification");
        Api.Response unknown = as("ivy").post("/api/admin/projections/nope/rebuild", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("audit-trail", "inbox", "request-view");
        assertThat(as("ivy").post("/api/admin/projections/directory/rebuild", "").status()).isEqualTo(409);
        // the webhook outbox would queue history for every subscriber again (docs/events-out.md)
        Api.Response outbox = as("ivy").post("/api/admin/projections/webhook-outbox/rebuild", "");
        assertThat(outbox.status()).isEqualTo(409);
        assertThat(outbox.detail()).contains("never replayed");
        assertThat(unknown.detail()).doesNotContain("webhook-outbox");
    }

    private List<List<Map<String, Object>>> rows(String name) {
        return TABLES.get(name).stream().map(jdbc::queryForList).toList();
    }

    private void awaitCaughtUp(String name) {
        if (inline.isInline(name)) {
            await(name + " rebuilt").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inline.progress(name).map(progress -> !progress.running()).orElse(true));
            assertThat(inline.progress(name).map(InlineRebuilds.Progress::failure)).as(name).isEmpty();
            return;
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
        // generous: a rebuild replays the whole store, and the machines running this are shared
        await(name + " caught up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
