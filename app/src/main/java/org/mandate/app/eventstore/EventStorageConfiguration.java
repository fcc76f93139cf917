package org.mandate.app.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine as its auto-configuration builds it, with two changes: no projection (and not the
 * ledger) skips an event whose transaction committed after a later one (Axon issues #3374 and #4829), and an
 * aggregate loads with one query ({@link AggregatesWithoutSnapshots}).
 * <p>
 * A reader that sees event n+1 while n is not yet committed remembers n as a gap and asks for it again, unless
 * n+1's own timestamp is older than the gap timeout: then it assumes n was rolled back and moves on for good.
 * That timestamp is taken when the event is created, before its transaction commits, so a slow transaction
 * makes its event look old and the hole below it is skipped when it fills later (#4829). For that to happen,
 * one of the two transactions has to stay open longer than half the gap timeout. Axon's default is one minute;
 * an hour puts that out of reach of any transaction here (and of PostgreSQL's idle-in-transaction timeout, see
 * the README). The price is that a truly rolled-back index is re-queried for longer, which costs an IN-list
 * entry in the reader's query and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class EventStorageConfiguration {

    static final Duration GAP_TIMEOUT = Duration.ofHours(1);
    static final int FETCH_SIZE = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return new AggregatesWithoutSnapshots(gapSafe(JdbcEventStorageEngine.builder())
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // events per query when a projection reads the store (a rebuild reads it all); Axon's default is 100
                .batchSize(FETCH_SIZE));
    }

    /**
     * Loads an aggregate with one query. Axon's JDBC engine asks the snapshot table first and then reads an
     * aggregate's events until a query comes back empty: three statements per command's aggregate, five
     * aggregates per approval. Mandate takes no snapshots (its aggregates' histories are short: a request's is a
     * handful of events), so the snapshot table stays empty and is not asked; and an aggregate's sequence numbers have no
     * gaps (the store's unique key and Axon number them one by one, and no event is ever deleted: erasure destroys
     * keys), so a batch shorter than {@link #FETCH_SIZE} is its last. A snapshot stored anyway would be ignored,
     * so storing one fails instead.
     */
    static final class AggregatesWithoutSnapshots extends JdbcEventStorageEngine {

        AggregatesWithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
            return Stream.empty();
        }

        @Override
        protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
            throw new UnsupportedOperationException("Mandate takes no snapshots: this store would never read "
                    + "the snapshot of " + snapshot.getAggregateIdentifier());
        }

        @Override
        protected boolean fetchForAggregateUntilEmpty() {
            return false;
        }
    }

    /**
     * Axon's own event store, but with the pause between two looks for events that another node appended set here.
     * Events appended on this node wake its readers at once; another node's events are only found by looking, and
     * Axon's default of a second made a command on one node wait up to that long for a projection segment that the
     * other node processes. The postgres profile, where several nodes share the store, looks every 50 ms: one
     * indexed query per look and node. (The 13x slower submissions on two nodes did not come from this delay but
     * from waiting for stored tokens, see ProjectionProgress.processed; this delay's share is in docs/operations.md.)
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${mandate.event-store.fetch-delay:1s}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** The gap settings, in one place so that the out-of-order test runs exactly what the app runs. */
    static JdbcEventStorageEngine.Builder gapSafe(JdbcEventStorageEngine.Builder builder) {
        return builder.gapTimeout((int) GAP_TIMEOUT.toMillis());
    }
}
