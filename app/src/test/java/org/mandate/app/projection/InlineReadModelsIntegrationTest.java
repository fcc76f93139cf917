package org.mandate.app.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox and request view are written in the command's own transaction (docs/adr/0010-inline-read-models.md):
 * a command's answer shows them at once, a failure writing them rolls the whole command back, and rebuilding them
 * while commands run loses and doubles nothing.
 */
class InlineReadModelsIntegrationTest extends MandateIntegrationTest {

    private static final List<String> TABLES = List.of("select * from request_view order by id",
            "select * from request_step_view order by id", "select * from inbox_request order by request_id",
            "select * from inbox_item order by step_id");

    @Autowired
    RuntimeService runtime;
    @Autowired
    InlineRebuilds rebuilds;

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventProcessorProperties processorSettings;

    /** application.yaml names two kinds of processor once and gives each processor its kind by name. */
    @Test
    void everyProcessorRunsAsItsKindSays() {
        for (String inline : List.of("engine-bridge", "directory", "delegations", "inbox", "request-view", "metrics",
                "webhook-subscriptions", "system-clients", "committees", "categories", "privacy", "mail-people",
                "mail-links")) {
            assertThat(processorSettings.getProcessors().get(inline).getMode()).as(inline)
                    .isEqualTo(EventProcessorProperties.Mode.SUBSCRIBING);
            assertThat(processing.eventProcessor(inline, SubscribingEventProcessor.class)).as(inline).isPresent();
        }
        for (String background : List.of("audit-trail", "decision-knowledge", "ledger", "process-versions",
                "insights", "webhook-outbox")) {
            EventProcessorProperties.ProcessorSettings settings = processorSettings.getProcessors().get(background);
            assertThat(settings.getMode()).as(background).isEqualTo(EventProcessorProperties.Mode.TRACKING);
            assertThat(settings.getSource()).as(background).isEqualTo("backgroundEvents");
            assertThat(settings.getBatchSize()).as(background)
                    .isEqualTo(background.equals("webhook-outbox") ? 100 : 1000);
            assertThat(processing.eventProcessor(background, TrackingEventProcessor.class)).as(background).isPresent();
        }
    }

    @Test
    void aCommandsAnswerAndTheNextReadShowItWithoutWaiting() {
        Api.Response submitted = as("ana").post("/api/requests", Map.of("title", "Beakers", "category", "equipment",
                "amount", 150, "currency", "EUR"));
        String id = submitted.json().path("id").asText();

        assertThat(submitted.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(as("sofia").get("/api/inbox").json().findValuesAsText("requestId")).contains(id);
        Api.Response decided = as("sofia").post("/api/requests/" + id + "/steps/" + openStep(as("ana"), id)
                + "/decision", Map.of("outcome", "APPROVED"));
        assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(as("sofia").get("/api/inbox").json().findValuesAsText("requestId")).doesNotContain(id);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name in "
                + "('inbox', 'request-view')", Long.class)).isZero();
    }

    /** The request view refuses the row (a check the test adds to its table): nothing of the submission stays. */
    @Test
    void aFailingRequestViewHandlerRollsTheCommandBack() {
        refusingTitle("request_view", "title", "Refused by the request view", () -> {
            long[] before = counts();

            Api.Response response = as("ana").post("/api/requests", Map.of("title", "Refused by the request view",
                    "category", "equipment", "amount", 150, "currency", "EUR"));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(counts()).isEqualTo(before);
        });
    }

    /** The inbox writes its new rows as the command's transaction prepares to commit: a failure there too. */
    @Test
    void aFailingInboxWriteRollsTheCommandBack() {
        refusingTitle("inbox_item", "title", "Refused by the inbox", () -> {
            long[] before = counts();

            Api.Response response = as("ana").post("/api/requests", Map.of("title", "Refused by the inbox",
                    "category", "equipment", "amount", 150, "currency", "EUR"));

            assertThat(response.status()).isEqualTo(500);
            assertThat(counts()).isEqualTo(before);
        });
    }

    @Test
    void rebuildingUnderConcurrentCommandsLosesAndDoublesNothing() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> submitted = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            int number = client;
            load.add(clients.submit(() -> {
                for (int n = 0; running.get() || n < 3; n++) {
                    String id = null;
                    try {
                        id = as("ana").submit("Rebuild load " + number + "-" + n, "equipment", 100 + n);
                        submitted.add(id);
                        if (n % 2 == 0) {
                            Api.Response decided = as("sofia").post("/api/requests/" + id + "/steps/"
                                    + openStep(as("ana"), id) + "/decision", Map.of("outcome", "APPROVED"));
                            if (decided.status() != 200) {
                                failures.add(id + ": " + decided);
                            }
                        }
                    } catch (RuntimeException | AssertionError failure) {
                        failures.add(id + ": " + failure);
                    }
                }
            }));
        }
        try {
            for (int round = 0; round < 4; round++) {
                for (String name : List.of("inbox", "request-view")) {
                    assertThat(as("ivy").post("/api/admin/projections/" + name + "/rebuild", "").status())
                            .as(name).isEqualTo(202);
                    awaitRebuilt(name);
                }
            }
        } finally {
            running.set(false);
            for (Future<?> client : load) {
                client.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(submitted).isNotEmpty();
        List<List<Map<String, Object>>> afterLoad = rows();
        assertThat(jdbc.queryForObject("select count(*) from request_view where title like 'Rebuild load %'",
                Long.class)).isEqualTo(submitted.size());
        // a fresh fold of the store, with nothing else running, gives the very same rows
        for (String name : List.of("inbox", "request-view")) {
            rebuilds.rebuild(name);
            assertThat(rebuilds.progress(name).orElseThrow().failure()).isNull();
        }
        assertThat(rows()).isEqualTo(afterLoad);
    }

    private void awaitRebuilt(String name) {
        await(name + " rebuilt").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> rebuilds.progress(name).map(progress -> !progress.running()).orElse(false));
        assertThat(rebuilds.progress(name).orElseThrow().failure()).as(name).isNull();
    }

    private List<List<Map<String, Object>>> rows() {
        return TABLES.stream().map(jdbc::queryForList).toList();
    }

    /** Events, engine instances and every table of the two inline read models. */
    /** Events, engine instances, the inline read models, and the keys of requests' texts (made with the submission). */
    private long[] counts() {
        return new long[]{eventCount(), runtime.createProcessInstanceQuery().count(),
                count("request_view"), count("request_step_view"), count("inbox_request"), count("inbox_item"),
                count("personal_key")};
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void refusingTitle(String table, String column, String title, Runnable test) {
        jdbc.execute("alter table " + table + " add constraint refuse_for_test check (" + column + " <> '" + title
                + "')");
        try {
            test.run();
        } finally {
            jdbc.execute("alter table " + table + " drop constraint refuse_for_test");
        }
    }
}
