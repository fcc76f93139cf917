package org.mandate.app.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trials of N deciders released together on the same step, against a running app (in this JVM or another
 * process) and its database. Each trial asserts: one 200, every other caller a 409, no 5xx, one StepDecided
 * event, the engine task gone and the path moved on exactly once.
 */
final class DeciderTrials {

    static final int[] THREADS = {2, 4, 8, 16, 32, 64};

    /** Counts rows in the app's database. */
    interface Database {
        long count(String sql, Object... arguments);
    }

    /** What a run of trials saw, for the README. */
    record Figures(String database, int trials, long deciders, long approved, long conflicts, long serverErrors,
                   long decisionEvents, Duration elapsed) {

        @Override
        public String toString() {
            return String.format("%s: %d trials (2..64 threads), %d deciders, %d decided (200), %d refused (409), "
                            + "%d 5xx, %d StepDecided events, %.1f s", database, trials, deciders, approved,
                    conflicts, serverErrors, decisionEvents, elapsed.toMillis() / 1000.0);
        }
    }

    private final int port;
    private final Database database;
    private long decisionEvents;

    DeciderTrials(int port, Database database) {
        this.port = port;
        this.database = database;
    }

    static int trialsFromSystemProperty(int normalSuite) {
        return Integer.getInteger("reliability.trials", normalSuite);
    }

    Figures run(String databaseName, int trials) throws Exception {
        long started = System.nanoTime();
        long deciders = 0;
        long approved = 0;
        long conflicts = 0;
        long serverErrors = 0;
        long events = 0;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            for (int trial = 0; trial < trials; trial++) {
                int threads = THREADS[trial % THREADS.length];
                boolean twoSteps = trial % 2 == 1;
                List<Integer> statuses = trial(pool, threads, twoSteps);
                deciders += threads;
                approved += statuses.stream().filter(status -> status == 200).count();
                conflicts += statuses.stream().filter(status -> status == 409).count();
                serverErrors += statuses.stream().filter(status -> status >= 500).count();
                events += decisionEvents;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Figures(databaseName, trials, deciders, approved, conflicts, serverErrors, events,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One request, one step, N deciders; asserts the outcome and returns every status seen. */
    private List<Integer> trial(ExecutorService pool, int threads, boolean twoSteps) throws Exception {
        // 1500 goes to sofia alone; 8000 goes to vera, then to a finance check
        String decider = twoSteps ? "vera" : "sofia";
        Http requester = Http.basic(port, "ana");
        Http.Reply submitted = requester.postJson("/api/requests", Map.of("title", "Concurrent " + threads,
                "category", "equipment", "amount", twoSteps ? 8000 : 1500, "currency", "EUR"));
        assertThat(submitted.status()).as("submission %s", submitted).isEqualTo(201);
        String requestId = submitted.json().path("id").asText();
        String stepId = openStep(requester, requestId);
        String path = "/api/requests/" + requestId + "/steps/" + stepId + "/decision";

        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Http client = Http.basic(port, decider);
            String body = Http.write(Map.of("outcome", "APPROVED", "rationale", "thread " + i));
            replies.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return client.postJson(path, body, Map.of());
            }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("all %d threads ready", threads).isTrue();
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Reply> reply : replies) {
            Http.Reply answer = reply.get(120, TimeUnit.SECONDS);
            statuses.add(answer.status());
            assertThat(answer.status()).as("a decider's answer: %s", answer).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.isProblem()).as("a loser's answer is problem+json: %s", answer).isTrue();
            }
        }
        assertThat(statuses).as("statuses of %d deciders", threads).containsOnlyOnce(200);

        decisionEvents = database.count("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", requestId, "org.mandate.domain.request.StepDecided");
        assertThat(decisionEvents).as("StepDecided events of request %s", requestId).isEqualTo(1);
        assertThat(database.count("select count(*) from act_ru_task where id_ = ?", stepId))
                .as("the decided engine task is completed").isZero();
        long tasksLeft = database.count("select count(*) from act_ru_task t join act_ru_execution e "
                + "on t.proc_inst_id_ = e.id_ where e.business_key_ = ?", requestId);
        long stepsOpened = database.count("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", requestId, "org.mandate.domain.request.StepOpened");
        if (twoSteps) {
            assertThat(tasksLeft).as("exactly one finance check task after the decision").isEqualTo(1);
            assertThat(stepsOpened).as("the path moved on exactly once").isEqualTo(2);
        } else {
            assertThat(tasksLeft).as("no engine task once the only step is decided").isZero();
            assertThat(stepsOpened).isEqualTo(1);
            assertThat(database.count("select count(*) from act_ru_execution where business_key_ = ?", requestId))
                    .as("the process instance ended").isZero();
        }
        return statuses;
    }

    static String openStep(Http viewer, String requestId) {
        for (var step : viewer.get("/api/requests/" + requestId).json().path("steps")) {
            if (step.path("status").asText().equals("OPEN")) {
                return step.path("id").asText();
            }
        }
        throw new AssertionError("request " + requestId + " has no open step");
    }
}
