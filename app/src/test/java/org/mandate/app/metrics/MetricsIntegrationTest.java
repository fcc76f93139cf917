package org.mandate.app.metrics;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Business, projection and engine metrics on /actuator/prometheus; health names the database and projections. */
class MetricsIntegrationTest extends MandateIntegrationTest {

    private static final String SUBMITTED = "mandate_requests_submitted_total";
    private static final String APPROVED_DIRECTLY = "mandate_decisions_total{outcome=\"approved\",under_mandate=\"false\"}";
    private static final String REJECTED_DIRECTLY = "mandate_decisions_total{outcome=\"rejected\",under_mandate=\"false\"}";
    private static final String ESCALATIONS = "mandate_escalations_total";
    private static final String STEP_TIMES = "mandate_step_decision_time_seconds_count";
    private static final String REQUEST_TIMES = "mandate_request_decision_time_seconds_count";
    private static final String STEP_SECONDS = "mandate_step_decision_time_seconds_sum";
    private static final String REQUEST_SECONDS = "mandate_request_decision_time_seconds_sum";
    private static final String SUBMITTED_IN_REQUEST_VIEW =
            "payloadType=\"RequestSubmitted\",processorName=\"request-view\"}";

    @Test
    void countsSubmissionsDecisionsAndTimesToDecisionOnce() {
        String before = scrape();

        String id = as("ana").submit("Magnets", "supplies", 40);
        String step = openStep(as("ana"), id);
        assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(200);

        String after = scrape();
        assertThat(value(after, SUBMITTED) - value(before, SUBMITTED)).isEqualTo(1);
        assertThat(value(after, APPROVED_DIRECTLY) - value(before, APPROVED_DIRECTLY)).isEqualTo(1);
        assertThat(value(after, REJECTED_DIRECTLY)).isEqualTo(value(before, REJECTED_DIRECTLY));
        assertThat(value(after, STEP_TIMES) - value(before, STEP_TIMES)).isEqualTo(1);
        assertThat(value(after, REQUEST_TIMES) - value(before, REQUEST_TIMES)).isEqualTo(1);
        // Axon's message meters: the submission once on the command bus, its event once in each processor
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String later = scrape();
            for (String series : new String[]{"commandBus_successCounter_total{payloadType=\"SubmitRequest\"}",
                    "commandBus_allTimer_seconds_count{payloadType=\"SubmitRequest\"}",
                    "eventProcessor_ingestedCounter_total{" + SUBMITTED_IN_REQUEST_VIEW,
                    "eventProcessor_successCounter_total{" + SUBMITTED_IN_REQUEST_VIEW,
                    "eventProcessor_successTimer_seconds_count{" + SUBMITTED_IN_REQUEST_VIEW}) {
                assertThat(value(later, series) - value(before, series)).as(series).isEqualTo(1);
            }
        });
    }

    /** The times are read from the request view's rows, in the decision's transaction. */
    @Test
    void timesAStepFromItsOpeningAndARequestFromItsSubmissionAsTheRequestViewHasThem() {
        Instant start = Instant.now();
        String id = as("ana").submit("Tweezers", "supplies", 20);
        String step = openStep(as("ana"), id);
        jdbc.update("update request_step_view set opened_at = ? where id = ?",
                Timestamp.from(start.minus(Duration.ofHours(2))), step);
        jdbc.update("update request_view set submitted_at = ? where id = ?",
                Timestamp.from(start.minus(Duration.ofHours(3))), id);
        String before = scrape();

        assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(200);

        double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
        String after = scrape();
        assertThat(value(after, STEP_SECONDS) - value(before, STEP_SECONDS)).isBetween(7200.0, 7200 + elapsed);
        assertThat(value(after, REQUEST_SECONDS) - value(before, REQUEST_SECONDS)).isBetween(10800.0, 10800 + elapsed);
    }

    /** Without the step's row (as while the view is rebuilt) the step is timed from its event in the store. */
    @Test
    void timesAStepFromItsEventWhenTheRequestViewHasNoRowForIt() {
        Instant start = Instant.now();
        String id = as("ana").submit("Pipettes", "supplies", 20);
        String step = openStep(as("ana"), id);
        assertThat(jdbc.update("delete from request_step_view where id = ?", step)).isEqualTo(1);
        String before = scrape();

        assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(200);

        double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
        String after = scrape();
        assertThat(value(after, STEP_TIMES) - value(before, STEP_TIMES)).isEqualTo(1);
        assertThat(value(after, STEP_SECONDS) - value(before, STEP_SECONDS)).isBetween(0.0, elapsed);
    }

    @Test
    void countsAnEscalation() {
        String id = as("ana").submit("Centrifuge", "equipment", 800);
        String step = openStep(as("ana"), id);
        String before = scrape();

        assertThat(as("sofia").post("/api/requests/" + id + "/steps/" + step + "/escalation",
                Map.of("reason", "My own team benefits")).status()).isEqualTo(200);

        assertThat(value(scrape(), ESCALATIONS) - value(before, ESCALATIONS)).isEqualTo(1);
    }

    @Test
    void aRefusedCommandCountsNothing() {
        String id = as("ana").submit("Lenses", "supplies", 30);
        String step = openStep(as("ana"), id);
        String before = scrape();

        assertThat(as("sofia").post(decision(id, step), Map.of("outcome", "REJECTED")).status()).isEqualTo(400);
        assertThat(as("liam").post(decision(id, step), Map.of("outcome", "APPROVED")).status()).isEqualTo(403);

        String after = scrape();
        assertThat(value(after, REJECTED_DIRECTLY)).isEqualTo(value(before, REJECTED_DIRECTLY));
        assertThat(value(after, APPROVED_DIRECTLY)).isEqualTo(value(before, APPROVED_DIRECTLY));
        assertThat(value(after, STEP_TIMES)).isEqualTo(value(before, STEP_TIMES));
    }

    @Test
    void reportsOpenStepsProjectionLagEngineStateAndAxonProcessors() {
        as("ben").submit("Paint brushes", "supplies", 25);

        String metrics = scrape();

        assertThat(value(metrics, "mandate_steps_open")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "mandate_engine_instances_running")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "mandate_engine_tasks_open")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("mandate_projection_lag_events{projection=\"inbox\"}",
                "mandate_projection_lag_events{projection=\"request-view\"}", "mandate_engine_jobs_failed",
                "mandate_engine_timers_pending", "mandate_escalations_total");
        // axon-micrometer: per processor and payload type, and how far behind each processor's events are
        assertThat(metrics).containsPattern("eventProcessor_\\w+\\{[^}]*processorName=\"inbox\"")
                .containsPattern("eventProcessor_latency\\{[^}]*processorName=\"request-view\"")
                .containsPattern("eventProcessor_successCounter_total\\{[^}]*payloadType=\"StepOpened\"[^}]*\\}")
                .containsPattern("commandBus_successCounter_total\\{[^}]*payloadType=\"SubmitRequest\"")
                // Axon's capacity monitor keeps an entry per handled message; a large rebuild ran out of heap
                .doesNotContainPattern("(eventProcessor|commandBus)_capacity")
                // a message a processor has no handler for is counted, not timed (MessageMeters)
                .containsPattern("eventProcessor_ignoredCounter_total\\{[^}]*payloadType=\"StepOpened\"[^}]*\\} [1-9]")
                .doesNotContain("eventProcessor_ignoredTimer");
    }

    @Test
    void healthNamesTheDatabaseAndWhetherProjectionsCaughtUp() {
        as("ana").submit("Rulers", "supplies", 15);

        // the request view and inbox are written with the command; audit, ledger and others follow shortly
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Api.Response health = anonymous().get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("components").path("database").path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("components").path("engine").path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("components").path("storage").path("status").asText())
                    .isIn("UP", "LOW_SPACE");
            assertThat(health.json().path("components").path("projections").path("status").asText())
                    .isEqualTo("UP");
        });
    }

    private String scrape() {
        Api.Response response = new Api(port, "prometheus", SCRAPE_PASSWORD).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of one sample line; 0 when the series has no sample yet. */
    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
