package org.mandate.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing to the real RabbitMQ on 127.0.0.1:5672 (guest/guest), with Mandate as its own process connected
 * through a TCP proxy the test can cut. One app, three acts: an approval path arrives once, in order, as valid
 * CloudEvents; a broker outage during approvals loses nothing and the backlog drains; a SIGKILL while publishing
 * may duplicate but never lose. At the end every published event in the store is matched against what arrived.
 * Exchange and queue names are unique to the run and deleted afterwards.
 */
class BrokerPublishingIntegrationTest {

    private static final int BROKER_PORT = 5672;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    /** One message as the consumer got it. */
    record Arrived(String routingKey, String messageId, CloudEvent event) {
    }

    private final List<Arrived> arrived = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void brokerRuns() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", BROKER_PORT), 2_000);
        } catch (IOException unreachable) {
            Assumptions.abort("RabbitMQ not reachable at 127.0.0.1:" + BROKER_PORT + " (" + unreachable.getMessage()
                    + "): install and start it (apt-get install rabbitmq-server; rabbitmq-server -detached; see "
                    + ".ci/run) to run the publishing tests");
        }
    }

    @Test
    void everyEventArrivesInAggregateOrderThroughAnOutageAndACrash() throws Exception {
        String run = "mandate-test-" + System.nanoTime();
        String exchange = run + ".events";
        Path work = AppProcess.workDir("publishing");
        Path data = work.resolve("data");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(BROKER_PORT);
        try (Connection consumer = factory.newConnection(run); Channel channel = consumer.createChannel();
             TcpProxy broker = new TcpProxy(BROKER_PORT);
             AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + data, "--mandate.demo=true",
                     "--mandate.demo-story=false", "--mandate.publishing.amqp.enabled=true",
                     "--mandate.publishing.amqp.exchange=" + exchange, "--spring.rabbitmq.host=127.0.0.1",
                     "--spring.rabbitmq.port=" + broker.port(), "--spring.rabbitmq.connection-timeout=5s"))) {
            channel.exchangeDeclare(exchange, "topic", true, false, null);
            channel.queueDeclare(run, false, false, false, null);
            channel.queueBind(run, exchange, "#");
            channel.basicConsume(run, true, (tag, delivery) -> arrived.add(new Arrived(
                    delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getMessageId(),
                    new JsonFormat().deserialize(delivery.getBody()))), tag -> { });
            try {
                app.start();

                // act 1: one approval path, nothing failing: each of its events once, in the request's order
                String request = approve(app.port(), 1500);
                await(() -> types(request).contains("org.mandate.RequestApproved"), "the approval arrives");
                assertThat(types(request)).containsExactly("org.mandate.RequestSubmitted", "org.mandate.StepOpened",
                        "org.mandate.StepDecided", "org.mandate.RequestApproved");
                Arrived decided = of(request).get(2);
                assertThat(decided.routingKey()).isEqualTo("request.StepDecided");
                assertThat(decided.messageId()).isEqualTo(decided.event().getId());
                assertThat(decided.event().getSource().toString()).isEqualTo("/mandate");
                assertThat(decided.event().getExtension("decidedby")).isEqualTo("sofia");
                assertThat(decided.event().getTime()).isNotNull();

                // act 2: the broker goes away during a run of approvals; commands go on, the backlog drains after
                List<String> duringOutage = new ArrayList<>();
                duringOutage.add(approve(app.port(), 100));
                broker.cut();
                for (int i = 0; i < 5; i++) {
                    duringOutage.add(approve(app.port(), 100 + i));
                }
                Thread.sleep(2_000);
                assertThat(duringOutage.subList(1, 6)).allMatch(id -> !types(id).contains("org.mandate.RequestApproved"));
                broker.restore();
                duringOutage.add(approve(app.port(), 200));
                await(() -> duringOutage.stream().allMatch(id -> types(id).contains("org.mandate.RequestApproved")),
                        "the approvals made during the outage arrive once the broker is back");

                // act 3: SIGKILL while approvals are being published, then a restart on the same data
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger made = new AtomicInteger();
                Thread load = new Thread(() -> {
                    while (running.get()) {
                        try {
                            approve(app.port(), 300);
                            made.incrementAndGet();
                        } catch (RuntimeException | AssertionError down) {
                            pause(200);
                        }
                    }
                }, "publishing-load");
                load.start();
                int before = arrived.size();
                await(() -> arrived.size() > before + 40, "the load's events are being published");
                app.kill();
                app.start();
                await(() -> made.get() > 5, "approvals go on after the restart");
                running.set(false);
                load.join(120_000);
                await(() -> caughtUp(app.port()), "publishing has caught up with the event store");
                app.stop();
            } finally {
                channel.queueDelete(run);
                channel.exchangeDelete(exchange);
            }
        }
        matchAgainstTheStore(data);
    }

    /** Every published event in the store arrived at least once; per aggregate, first arrivals keep its order. */
    private void matchAgainstTheStore(Path data) throws Exception {
        Map<String, List<Long>> stored = new LinkedHashMap<>();
        Set<String> storedIds = new HashSet<>();
        try (java.sql.Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("mandate"), "sa", "");
             ResultSet events = db.createStatement().executeQuery("select event_identifier, aggregate_identifier, "
                     + "sequence_number, payload_type from domain_event_entry order by global_index")) {
            while (events.next()) {
                String type = events.getString("payload_type");
                // kept inside Mandate (CloudEventMessages.NOT_PUBLISHED)
                if (type.startsWith("org.mandate.domain.webhook.") || type.startsWith("org.mandate.domain.notification.")
                        || type.equals("org.mandate.domain.directory.EmailSet")) {
                    continue;
                }
                storedIds.add(events.getString("event_identifier"));
                stored.computeIfAbsent(events.getString("aggregate_identifier"), id -> new ArrayList<>())
                        .add(events.getLong("sequence_number"));
            }
        }
        Map<String, List<Long>> firstArrivals = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Arrived message : arrived) {
            if (seen.add(message.event().getId())) {
                firstArrivals.computeIfAbsent(message.event().getSubject(), id -> new ArrayList<>())
                        .add(Long.parseLong((String) message.event().getExtension("sequence")));
            } else {
                duplicates++;
            }
        }
        Set<String> lost = new HashSet<>(storedIds);
        lost.removeAll(seen);
        System.out.printf("publishing: %d events stored, %d messages arrived, %d duplicates, %d lost%n",
                storedIds.size(), arrived.size(), duplicates, lost.size());
        assertThat(lost).as("events in the store that never arrived").isEmpty();
        assertThat(seen).as("nothing arrived that is not in the store").isEqualTo(storedIds);
        assertThat(firstArrivals).as("per aggregate, in sequence order").isEqualTo(stored);
    }

    private List<Arrived> of(String subject) {
        return arrived.stream().filter(message -> subject.equals(message.event().getSubject())).toList();
    }

    private List<String> types(String subject) {
        return of(subject).stream().map(message -> message.event().getType()).toList();
    }

    /** ana asks, sofia (or whoever holds the step) approves; returns the request id. */
    private static String approve(int port, long amount) {
        Http.Reply submitted = Http.basic(port, "ana").postJson("/api/requests", Map.of("title", "Published",
                "category", "equipment", "amount", amount, "currency", "EUR"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String id = submitted.json().path("id").asText();
        for (JsonNode step : Http.basic(port, "ana").get("/api/requests/" + id).json().path("steps")) {
            if (step.path("status").asText().equals("OPEN")) {
                Http.Reply decided = Http.basic(port, step.path("assignee").asText()).postJson("/api/requests/" + id
                        + "/steps/" + step.path("id").asText() + "/decision", Map.of("outcome", "APPROVED"));
                assertThat(decided.status()).as("%s", decided).isEqualTo(200);
            }
        }
        return id;
    }

    /** /actuator/health: every projection, publishing included, has processed the newest event. */
    private static boolean caughtUp(int port) {
        JsonNode health = Http.basic(port, null).get("/actuator/health").json();
        return "UP".equals(health.path("components").path("projections").path("status").asText())
                && "UP".equals(health.path("components").path("publishing").path("status").asText());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DRAIN + ": " + what);
            }
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
