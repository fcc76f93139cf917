package org.mandate.app.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's storage engine loads an aggregate with one query, however long its history, and keeps no snapshots. */
class AggregatesWithoutSnapshotsTest {

    record Counted(int n) {
    }

    private final AtomicInteger queries = new AtomicInteger();
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void store() throws Exception {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:aggregates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/h2/V1__event_store.sql"));
        }
        ConnectionProvider counting = () -> counted(new SpringDataSourceConnectionProvider(dataSource).getConnection());
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new EventStorageConfiguration.AggregatesWithoutSnapshots(
                EventStorageConfiguration.gapSafe(JdbcEventStorageEngine.builder())
                        .snapshotSerializer(serializer)
                        .eventSerializer(serializer)
                        .connectionProvider(counting)
                        .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                        .schema(new EventStoreConfiguration().eventSchema())
                        .batchSize(EventStorageConfiguration.FETCH_SIZE));
    }

    @Test
    void aShortHistoryIsReadWithOneQuery_andAnEmptyOneToo() {
        append("request-1", 5);

        queries.set(0);
        assertThat(read("request-1")).containsExactly(0, 1, 2, 3, 4);
        assertThat(queries).as("statements prepared to load one aggregate").hasValue(1);

        queries.set(0);
        assertThat(read("nobody")).isEmpty();
        assertThat(queries).hasValue(1);
    }

    @Test
    void aHistoryLongerThanOneFetchIsReadWhole() {
        int length = EventStorageConfiguration.FETCH_SIZE * 2 + 1;
        append("person-1", length);

        List<Integer> read = read("person-1");

        assertThat(read).hasSize(length);
        assertThat(read.get(length - 1)).isEqualTo(length - 1);
        assertThat(engine.readEvents("person-1", EventStorageConfiguration.FETCH_SIZE).asStream().count())
                .as("from the middle on").isEqualTo(length - EventStorageConfiguration.FETCH_SIZE);
    }

    @Test
    void aSnapshotIsRefusedRatherThanStoredAndNeverRead() {
        append("request-2", 1);
        DomainEventMessage<Counted> snapshot = new GenericDomainEventMessage<>("Request", "request-2", 0,
                new Counted(0));

        assertThatThrownBy(() -> engine.storeSnapshot(snapshot)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("request-2");
        assertThat(engine.readSnapshot("request-2")).isEmpty();
    }

    private void append(String aggregate, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            events.add(new GenericDomainEventMessage<>("Request", aggregate, n, new Counted(n), Map.of()));
        }
        engine.appendEvents(events);
    }

    private List<Integer> read(String aggregate) {
        DomainEventStream stream = engine.readEvents(aggregate);
        List<Integer> read = new ArrayList<>();
        stream.forEachRemaining(event -> read.add(((Counted) event.getPayload()).n()));
        return read;
    }

    /** Counts the statements prepared on the connection: one per query the engine runs. */
    private Connection counted(Connection target) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (result instanceof PreparedStatement) {
                        queries.incrementAndGet();
                    }
                    return result;
                });
    }
}
