package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.PostgresDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients and operators are told while PostgreSQL is out of reach, and that nothing is lost. The app runs as
 * its own process and reaches its database through a relay the test controls ({@link TcpProxy}): the relay drops
 * the network for a while under load, and once cuts the connection of a command right after its COMMIT went out.
 */
class DatabaseOutagePostgresIntegrationTest {

    private static final String DATABASE = "mandate_outage";
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void anOutageIsAnsweredWith503sAndLosesNothing() throws Exception {
        PostgresDatabase.recreate(DATABASE);
        Path work = AppProcess.workDir("database-outage");
        try (TcpProxy relay = new TcpProxy("127.0.0.1", 5432);
             AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + work.resolve("data"),
                     "--mandate.demo=true", "--mandate.demo-story=false",
                     "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + DATABASE,
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     "--mandate.database.socket-timeout-seconds=10",
                     // every statement's text on the wire, so that the relay can see the COMMIT it is to cut
                     "--spring.datasource.hikari.data-source-properties.prepareThreshold=0"));
             Connection db = DriverManager.getConnection(PostgresDatabase.SERVER + DATABASE, "postgres", "")) {
            app.start();
            Http ana = Http.basic(app.port(), "ana");
            Http probe = Http.basic(app.port(), null);

            // A commit whose answer is lost: the client hears "unknown, retry with the same key", and the retry
            // converges on the one request that was stored.
            String marker = "Lost answer " + UUID.randomUUID();
            relay.cutAtCommitAfter(marker);
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Http.Reply unknown = ana.postJson("/api/requests", Http.write(submission(marker)), key);
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(503);
            assertThat(unknown.isProblem()).isTrue();
            assertThat(unknown.json().path("outcome").asText()).isEqualTo("unknown");
            assertThat(unknown.json().path("detail").asText()).contains("same Idempotency-Key");
            assertThat(unknown.header("Retry-After")).isNotBlank();
            Http.Reply retried = Unavailability.retry(() -> ana.send("POST", "/api/requests", Http.write(submission(marker)),
                    "application/json", key));
            assertThat(retried.status()).as(retried.toString()).isIn(200, 201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            // the title is sealed in the event store (docs/privacy.md): find the request by its view, then its events
            assertThat(PostgresDatabase.count(db, "select count(*) from request_view where title = ?", marker))
                    .isEqualTo(1);
            assertThat(PostgresDatabase.count(db, "select count(*) from domain_event_entry e join request_view v "
                    + "on v.id = e.aggregate_identifier where v.title = ? and e.payload_type like '%RequestSubmitted'",
                    marker)).isEqualTo(1);

            // The network drops under load, then comes back.
            Load load = new Load(app.port());
            load.start(3);
            Thread.sleep(3_000);
            relay.drop();
            long dropped = System.nanoTime();
            Unavailability.awaitStatus(probe, "/actuator/health/readiness", 503, Duration.ofSeconds(15));
            double noticedAfter = (System.nanoTime() - dropped) / 1e9;
            Http.Reply health = probe.call("GET", "/actuator/health", null, null, Map.of());
            assertThat(health.status()).as("overall health during the outage").isEqualTo(503);
            assertThat(probe.call("GET", "/actuator/health/liveness", null, null, Map.of()).status())
                    .as("liveness: a restart would not bring the database back").isEqualTo(200);
            List<Double> refusalSeconds = new ArrayList<>();
            for (String person : List.of("ana", "sofia", "nobody")) {
                long start = System.nanoTime();
                Http.Reply refused = Http.basic(app.port(), person, "demo").call("GET", "/api/inbox", null, null,
                        Map.of());
                refusalSeconds.add((System.nanoTime() - start) / 1e9);
                assertThat(refused.status()).as(person + " during the outage: " + refused).isEqualTo(503);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.header("Retry-After")).isNotBlank();
            }
            assertThat(refusalSeconds).as("refused at once, not after the pool's timeout").allMatch(s -> s < 3);
            Http.Reply page = Http.basic(app.port(), null).call("GET", "/login", null, null,
                    Map.of("Accept", "text/html"));
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("<html lang=\"en\">", "Unavailable for a moment",
                    "Mandate cannot reach its database right now. Nothing was changed, and your password is fine.");
            Http.Reply german = Http.basic(app.port(), null).call("GET", "/login", null, null,
                    Map.of("Accept", "text/html", "Accept-Language", "de"));
            assertThat(german.body()).contains("<html lang=\"de\">", "Für einen Moment nicht erreichbar",
                    "Mandate erreicht seine Datenbank gerade nicht. Nichts wurde geändert, und Ihr Passwort ist in "
                            + "Ordnung.");

            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - dropped) / 1_000_000));
            relay.restore();
            long restored = System.nanoTime();
            Unavailability.awaitStatus(probe, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
            double readyAfter = (System.nanoTime() - restored) / 1e9;
            Http.Reply first = Unavailability.retry(() -> ana.send("POST", "/api/requests", Http.write(submission("After")),
                    "application/json", Map.of()));
            double firstSuccessAfter = (System.nanoTime() - restored) / 1e9;
            assertThat(first.status()).isEqualTo(201);
            Thread.sleep(3_000);
            load.stop();

            assertThat(load.unauthorized).as("no 401 for valid credentials, ever").isEmpty();
            assertThat(load.otherFailures).as("no answer but 201 or 503").isEmpty();
            assertThat(load.acknowledged).isNotEmpty();
            for (String id : load.acknowledged) {
                assertThat(PostgresDatabase.count(db, "select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%RequestSubmitted'", id)).as("request " + id).isEqualTo(1);
                Http.Reply view = Unavailability.retry(() -> ana.send("GET", "/api/requests/" + id, null, null, Map.of()));
                assertThat(view.status()).as("acknowledged request " + id + ": " + view).isEqualTo(200);
            }
            FigureLog.record("database outage", String.format("PostgreSQL network dropped for %d s under 3 clients:"
                            + " readiness DOWN after %.1f s, refusals answered in %.2f s at most, readiness UP %.1f s"
                            + " and first submission %.1f s after the network returned; %d submissions acknowledged,"
                            + " %d answered 503 and retried, 0 lost, 0 doubled, 0 answered 401",
                    OUTAGE.toSeconds(), noticedAfter, refusalSeconds.stream().mapToDouble(d -> d).max().orElse(0),
                    readyAfter, firstSuccessAfter, load.acknowledged.size(), load.unavailable.size()));
            app.stop();
        }
    }

    private static Map<String, Object> submission(String title) {
        return Map.of("title", title, "category", "equipment", "amount", 100, "currency", "EUR");
    }

    /** Clients submitting requests with Idempotency-Keys, retrying each on 503 until it is acknowledged. */
    private static final class Load {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> unavailable = new CopyOnWriteArrayList<>();
        final List<String> unauthorized = new CopyOnWriteArrayList<>();
        final List<String> otherFailures = new CopyOnWriteArrayList<>();
        private final int port;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(int port) {
            this.port = port;
        }

        void start(int clients) {
            for (int client = 0; client < clients; client++) {
                Thread thread = new Thread(this::submitUntilStopped, "outage-client-" + client);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(2).toMillis());
            }
        }

        private void submitUntilStopped() {
            Http ana = Http.basic(port, "ana");
            while (running.get()) {
                Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
                String body = Http.write(submission("Load " + UUID.randomUUID()));
                boolean done = false;
                while (!done) {
                    try {
                        Http.Reply reply = ana.send("POST", "/api/requests", body, "application/json", key);
                        switch (reply.status()) {
                            case 201, 200 -> {
                                acknowledged.add(reply.json().path("id").asText());
                                done = true;
                            }
                            case 503 -> {
                                if (!reply.isProblem() || reply.header("Retry-After") == null) {
                                    otherFailures.add(reply.toString());
                                }
                                unavailable.add(reply.toString());
                                Thread.sleep(500);
                            }
                            case 401 -> {
                                unauthorized.add(reply.toString());
                                done = true;
                            }
                            default -> {
                                otherFailures.add(reply.toString());
                                done = true;
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        otherFailures.add(e.toString());
                        done = true;
                    }
                }
            }
        }
    }
}
