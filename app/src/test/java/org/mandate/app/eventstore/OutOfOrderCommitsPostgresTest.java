package org.mandate.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two transactions on PostgreSQL append events; the one holding the lower global index commits last. A reader
 * using the app's storage engine settings, reading the way a tracking processor does (from its last token),
 * must see both. Uses a database of its own, and the app's own PostgreSQL schema for the event table.
 */
class OutOfOrderCommitsPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "mandate_out_of_order_test";

    record Marker(String name) {
    }

    private static DriverManagerDataSource dataSource;
    private TransactionTemplate transactions;

    @BeforeAll
    static void database() throws Exception {
        assumeTrue(reachable(), "PostgreSQL not reachable at 127.0.0.1:5432: install and start it (see .ci/run)");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + DATABASE);
            admin.createStatement().execute("create database " + DATABASE);
        }
        dataSource = new DriverManagerDataSource(SERVER + DATABASE, "postgres", "");
        String schema = new ClassPathResource("db/migration/postgresql/V1__event_store.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        new JdbcTemplate(dataSource).execute(schema);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (dataSource != null) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    @BeforeEach
    void emptyStore() {
        new JdbcTemplate(dataSource).update("delete from domain_event_entry");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aReaderSeesAnEventThatCommitsAfterALaterOne() throws Exception {
        JdbcEventStorageEngine engine = engine(EventStorageConfiguration::gapSafe);

        List<String> seen = outOfOrder(engine, Instant.now());

        assertThat(seen).containsExactlyInAnyOrder("later index, committed first", "lower index, committed last");
    }

    /** Axon #4829: the event above the hole was created long before it committed, e.g. in a slow transaction. */
    @Test
    void aReaderSeesItEvenWhenTheLaterEventsTransactionWasSlow() throws Exception {
        JdbcEventStorageEngine engine = engine(EventStorageConfiguration::gapSafe);

        List<String> seen = outOfOrder(engine, Instant.now().minus(Duration.ofMinutes(2)));

        assertThat(seen).containsExactlyInAnyOrder("later index, committed first", "lower index, committed last");
    }

    /** Why the app does not run on Axon's default gap timeout: the same history loses an event for good. */
    @Test
    void axonsDefaultGapTimeoutWouldSkipIt() throws Exception {
        JdbcEventStorageEngine engine = engine(UnaryOperator.identity());

        List<String> seen = outOfOrder(engine, Instant.now().minus(Duration.ofMinutes(2)));

        assertThat(seen).containsExactly("later index, committed first");
    }

    /**
     * Writer A takes the lower global index and holds its transaction open; writer B takes the next index, with
     * its event created at {@code laterEventCreated}, and commits; the reader reads; A commits; the reader reads
     * again from where it was, as a tracking processor does.
     */
    private List<String> outOfOrder(JdbcEventStorageEngine engine, Instant laterEventCreated) throws Exception {
        CountDownLatch lowerAppended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> writerA = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            engine.appendEvents(event("lower index, committed last", Instant.now()));
            lowerAppended.countDown();
            await(mayCommit);
        }));
        await(lowerAppended);
        transactions.executeWithoutResult(tx -> engine.appendEvents(event("later index, committed first",
                laterEventCreated)));
        Map<String, Object> order = new JdbcTemplate(dataSource).queryForMap(
                "select min(global_index) as low, max(global_index) as high from domain_event_entry");
        assertThat(order.get("high")).as("only B's event is visible yet").isEqualTo(order.get("low"));

        List<String> seen = new ArrayList<>();
        TrackingToken token = read(engine, null, seen);
        assertThat(seen).containsExactly("later index, committed first");

        mayCommit.countDown();
        writerA.get(30, TimeUnit.SECONDS);
        List<String> byIndex = new JdbcTemplate(dataSource).queryForList("select convert_from(payload, 'UTF8') "
                + "from domain_event_entry order by global_index", String.class);
        assertThat(byIndex.get(0)).as("A holds the lower global index").contains("lower index");
        read(engine, token, seen);
        return seen;
    }

    private static TrackingToken read(JdbcEventStorageEngine engine, TrackingToken from, List<String> seen) {
        TrackingToken[] last = {from};
        engine.readEvents(from, false).forEach(message -> {
            seen.add(((Marker) message.getPayload()).name());
            last[0] = ((TrackedEventMessage<?>) message).trackingToken();
        });
        return last[0];
    }

    private static DomainEventMessage<Marker> event(String name, Instant created) {
        return new GenericDomainEventMessage<>("Marker", UUID.randomUUID().toString(), 0, new Marker(name),
                Map.of(), UUID.randomUUID().toString(), created);
    }

    private JdbcEventStorageEngine engine(UnaryOperator<JdbcEventStorageEngine.Builder> settings) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return settings.apply(JdbcEventStorageEngine.builder())
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .schema(new EventStoreConfiguration().eventSchema())
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other writer did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
