package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.idempotency.IdempotencyRetention;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that lost an answer retries with the same Idempotency-Key; Mandate applies the command once. */
class IdempotencyIntegrationTest extends MandateIntegrationTest {

    private static final String KEY = "Idempotency-Key";

    @Autowired
    IdempotencyRetention retention;

    @Test
    void aRetriedSubmissionIsAppliedOnceAndGetsTheOriginalAnswer() {
        String key = UUID.randomUUID().toString();
        String body = submission("Retried microscope " + key);

        Http.Reply first = http("ana").postJson("/api/requests", body, Map.of(KEY, key));
        long events = eventCount();
        Http.Reply retry = http("ana").postJson("/api/requests", body, Map.of(KEY, key));

        assertThat(first.status()).as("first %s", first).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).as("the retry records nothing").isEqualTo(events);
        assertThat(submissionsTitled("Retried microscope " + key)).isEqualTo(1);
    }

    @Test
    void aRetriedDecisionGetsItsAnswerInsteadOfAConflict() {
        String id = as("ana").submit("Retried decision", "equipment", 700);
        String path = "/api/requests/" + id + "/steps/" + openStep(as("ana"), id) + "/decision";
        String body = Http.write(Map.of("outcome", "APPROVED", "rationale", "fine"));
        String key = UUID.randomUUID().toString();

        Http.Reply first = http("sofia").postJson(path, body, Map.of(KEY, key));
        Http.Reply retry = http("sofia").postJson(path, body, Map.of(KEY, key));
        Http.Reply withoutKey = http("sofia").postJson(path, body, Map.of());

        assertThat(first.status()).as("first %s", first).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(withoutKey.status()).as("a new decision on a decided step").isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%StepDecided'", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        http("ana").postJson("/api/requests", submission("First use " + key), Map.of(KEY, key));
        long events = eventCount();

        Http.Reply reused = http("ana").postJson("/api/requests", submission("Second use " + key), Map.of(KEY, key));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.json().path("detail").asText()).contains("already used for a different request")
                .contains("Use a new key");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(submissionsTitled("Second use " + key)).isZero();
    }

    @Test
    void keysBelongToTheCallerSoAnotherPersonsKeyDoesNotCollide() {
        String key = UUID.randomUUID().toString();
        String body = submission("Shared key " + key);

        Http.Reply ana = http("ana").postJson("/api/requests", body, Map.of(KEY, key));
        Http.Reply ben = http("ben").postJson("/api/requests", body, Map.of(KEY, key));

        assertThat(ana.status()).isEqualTo(201);
        assertThat(ben.status()).isEqualTo(201);
        assertThat(ben.json().path("id").asText()).isNotEqualTo(ana.json().path("id").asText());
        assertThat(submissionsTitled("Shared key " + key)).isEqualTo(2);
    }

    @Test
    void anUnusableKeyIsRefusedWithWhatAKeyMustLookLike() {
        long events = eventCount();
        for (String key : List.of("has space", "x".repeat(201), "tab\tinside")) {
            Http.Reply reply = http("ana").postJson("/api/requests", submission("Bad key"), Map.of(KEY, key));
            assertThat(reply.status()).as("key '%s'", key).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("detail").asText()).contains("1 to 200 visible ASCII characters");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedCommandDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        String tooMuch = Http.write(Map.of("title", "Too much", "category", "equipment", "amount", 150000,
                "currency", "EUR"));

        Http.Reply refused = http("ana").postJson("/api/requests", tooMuch, Map.of(KEY, key));
        Http.Reply corrected = http("ana").postJson("/api/requests", submission("Corrected " + key), Map.of(KEY, key));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as("the same key on a corrected request: %s", corrected).isEqualTo(201);
    }

    @Test
    void simultaneousCallsWithOneKeyApplyTheCommandOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "Simultaneous " + key;
        String body = submission(title);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Http client = http("ana");
            replies.add(pool.submit(() -> {
                go.await();
                return client.postJson("/api/requests", body, Map.of(KEY, key));
            }));
        }
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Http.Reply> reply : replies) {
            Http.Reply answer = reply.get(120, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer).isIn(200, 201, 409);
            if (answer.status() == 409) {
                assertThat(answer.isProblem()).isTrue();
            } else {
                ids.add(answer.json().path("id").asText());
            }
        }
        pool.shutdownNow();

        assertThat(submissionsTitled(title)).isEqualTo(1);
        assertThat(ids).isNotEmpty().allMatch(ids.get(0)::equals);
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenWhileAYoungerOneStillReplays() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        String oldBody = submission("Expired key " + old);
        String youngBody = submission("Young key " + young);
        assertThat(http("ana").postJson("/api/requests", oldBody, Map.of(KEY, old)).status()).isEqualTo(201);
        assertThat(http("ana").postJson("/api/requests", youngBody, Map.of(KEY, young)).status()).isEqualTo(201);
        recordedAgo(old, Duration.ofHours(25));
        recordedAgo(young, Duration.ofHours(23));

        int removed = retention.removeExpired();

        assertThat(removed).isPositive();
        assertThat(keyKept(old)).as("a key recorded 25 h ago, retention 24 h").isFalse();
        assertThat(keyKept(young)).as("a key recorded 23 h ago").isTrue();
        Http.Reply lateRetry = http("ana").postJson("/api/requests", oldBody, Map.of(KEY, old));
        assertThat(lateRetry.status()).as("past the retention a retry is a new request: %s", lateRetry)
                .isEqualTo(201);
        assertThat(lateRetry.header("Idempotent-Replayed")).isNull();
        assertThat(submissionsTitled("Expired key " + old)).isEqualTo(2);
        Http.Reply retry = http("ana").postJson("/api/requests", youngBody, Map.of(KEY, young));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(submissionsTitled("Young key " + young)).isEqualTo(1);
    }

    @Test
    void theCleanupRunsOnItsOwnTimer() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        assertThat(http("ana").postJson("/api/requests", submission("Timer " + key), Map.of(KEY, key)).status())
                .isEqualTo(201);
        recordedAgo(key, Duration.ofDays(2));
        IdempotencyRetention timer = new IdempotencyRetention(jdbc, Clock.systemUTC(), Duration.ofDays(1),
                Duration.ofMillis(50));

        timer.start();
        try {
            assertThat(Poll.until(() -> keyKept(key), kept -> !kept)).as("removed by the timer").isFalse();
        } finally {
            timer.stop();
        }
    }

    private void recordedAgo(String key, Duration age) {
        assertThat(jdbc.update("update idempotency_key set created_at = ? where caller = 'ana' and idempotency_key = ?",
                Timestamp.from(Instant.now().minus(age)), key)).isEqualTo(1);
    }

    private boolean keyKept(String key) {
        return jdbc.queryForObject("select count(*) from idempotency_key where caller = 'ana' and idempotency_key = ?",
                Long.class, key) == 1;
    }

    private Http http(String person) {
        return Http.basic(port, person);
    }

    private static String submission(String title) {
        return Http.write(Map.of("title", title, "category", "equipment", "amount", 300, "currency", "EUR"));
    }

    private long submissionsTitled(String title) {
        return jdbc.queryForObject("select count(*) from request_view where title = ?", Long.class, title);
    }
}
