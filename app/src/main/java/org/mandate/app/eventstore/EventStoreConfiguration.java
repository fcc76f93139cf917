package org.mandate.app.eventstore;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.time.Clock;

/**
 * The event store, token store, engine tables and projections share one DataSource and one Spring
 * transaction manager, so an event, the engine change it caused and a projection's token commit together.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** Compacts an H2 file before the pool opens it (see H2Compaction); static, as every BeanPostProcessor must be. */
    @Bean
    static H2Compaction h2Compaction(org.springframework.core.env.Environment environment) {
        return new H2Compaction(environment);
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * A unique-key clash on (aggregate, sequence number) is a concurrent change to the same aggregate. Axon's
     * JDBC default only knows {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver does
     * not throw; the SQL state class 23 is the same on every database.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> ExceptionUtils.getThrowableList(exception).stream().anyMatch(cause ->
                cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"));
    }

    /**
     * Axon's default logs a failing event handler and moves on. Here a failure propagates: the bridge rolls
     * back the command that caused it, and a projection retries the event instead of skipping it.
     */
    @Bean
    ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
