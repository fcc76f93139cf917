package org.mandate.app.request;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule 3 under contention: many deciders released together, one decision, every other caller a 409. */
class ConcurrentDecisionIntegrationTest extends MandateIntegrationTest {

    private static final int DECIDERS = 12;

    @Test
    void aStepDecidedByManyAtOnceIsDecidedOnce() throws Exception {
        String id = as("ana").submit("Projector", "equipment", 700);
        String step = openStep(as("ana"), id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DECIDERS);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < DECIDERS; i++) {
                String outcome = i % 2 == 0 ? "APPROVED" : "REJECTED";
                answers.add(pool.submit(() -> {
                    start.await();
                    return as("sofia").post(ApprovalPathIntegrationTest.decision(id, step),
                            Map.of("outcome", outcome, "rationale", "decided in a race"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(DECIDERS - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%StepDecided'", Long.class, id)).isEqualTo(1);
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText())
                .isIn("APPROVED", "REJECTED");
    }
}
