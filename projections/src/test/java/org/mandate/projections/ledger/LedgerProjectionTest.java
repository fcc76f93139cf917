package org.mandate.projections.ledger;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerProjectionTest {

    private JdbcTemplate jdbc;
    private LedgerProjection ledger;

    @BeforeEach
    void store() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table domain_event_entry (global_index bigint primary key, "
                + "event_identifier varchar(255) not null unique, aggregate_identifier varchar(255) not null, "
                + "sequence_number bigint not null, type varchar(255), time_stamp varchar(255) not null, "
                + "payload_type varchar(255) not null, payload_revision varchar(255), payload blob not null, "
                + "meta_data blob)");
        jdbc.execute("create table ledger_link (position bigint primary key, global_index bigint not null unique, "
                + "hash varchar(64) not null, chained_at timestamp with time zone not null)");
        for (long index = 1; index <= 4; index++) {
            jdbc.update("insert into domain_event_entry values (?, ?, 'request-1', ?, 'Request', "
                    + "'2026-12-08T00:00:00Z', 'Decided', null, ?, ?)", index, "e" + index, index,
                    ("{\"n\":" + index + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        }
        ledger = new LedgerProjection(jdbc, Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aBatchIsChainedInTheOrderReceivedOntoTheChainsEnd_andAnEventDeliveredAgainIsSkipped() {
        handleInOneBatch("e1");
        // e4 committed before e3 and is received first; e1 comes again with them
        handleInOneBatch("e2", "e4", "e1", "e3");

        List<Map<String, Object>> links = jdbc.queryForList("select position, global_index, hash from ledger_link "
                + "order by position");
        assertThat(links).extracting(link -> ((Number) link.get("global_index")).longValue())
                .containsExactly(1L, 2L, 4L, 3L);
        assertThat(links).extracting(link -> ((Number) link.get("position")).longValue())
                .containsExactly(1L, 2L, 3L, 4L);
        byte[] previous = LedgerChain.GENESIS;
        for (Map<String, Object> link : links) {
            LedgerChain.StoredEvent event = jdbc.queryForObject("select * from domain_event_entry "
                    + "where global_index = ?", (row, n) -> LedgerChain.StoredEvent.read(row), link.get("global_index"));
            previous = LedgerChain.link(previous, event);
            assertThat(link.get("hash")).as("link %s", link.get("position")).isEqualTo(LedgerChain.hex(previous));
        }
    }

    @Test
    void anEventMissingFromTheStoreFailsTheBatch_andChainsNothingOfIt() {
        assertThatThrownBy(() -> handleInOneBatch("e1", "nowhere")).hasMessageContaining("nowhere");

        assertThat(jdbc.queryForObject("select count(*) from ledger_link", Integer.class)).isZero();
    }

    private void handleInOneBatch(String... eventIds) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            for (String id : eventIds) {
                EventMessage<String> message = new GenericEventMessage<>(id, "payload", Map.of(), Instant.now());
                ledger.on(message);
            }
            batch.commit();
        } catch (RuntimeException failure) {
            if (batch.isActive()) {
                batch.rollback(failure);
            }
            throw failure;
        }
    }
}
