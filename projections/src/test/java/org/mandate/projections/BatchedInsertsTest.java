package org.mandate.projections;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedInsertsTest {

    private JdbcTemplate jdbc;
    private BatchedInserts rows;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:batched-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table item (id bigint primary key, label varchar(20) not null)");
        rows = new BatchedInserts(jdbc, "item", "id", "label");
    }

    @Test
    void rowsWaitForTheCommitAndARepeatedKeyReplacesItsRow() {
        jdbc.update("insert into item (id, label) values (1, 'stored before')");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.add(1L, "redelivered");
        rows.add(2L, "first");
        rows.add(2L, "second");

        assertThat(labels()).containsExactlyEntriesOf(Map.of(1L, "stored before"));
        batch.commit();

        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "redelivered", 2L, "second"));
    }

    @Test
    void aRowBelowTheHighestStoredKeyIsReplacedAndOneAboveItIsAdded() {
        jdbc.update("insert into item (id, label) values (10, 'ten'), (20, 'twenty')");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.add(10L, "ten again");
        rows.add(15L, "committed late");
        rows.add(30L, "new");
        batch.commit();

        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of(10L, "ten again", 15L, "committed late", 20L, "twenty", 30L, "new"));
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.add(3L, "never");
        batch.rollback();

        assertThat(labels()).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkTheRowIsWrittenAtOnce() {
        rows.add(4L, "now");

        assertThat(labels()).containsExactlyEntriesOf(Map.of(4L, "now"));
    }

    @Test
    void aFailingWriteFailsTheCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.add(5L, null); // label is not null

        assertThatThrownBy(batch::commit).hasMessageContaining("LABEL");
    }

    @Test
    void rowsAddedUnderAStandInGetTheirKeysWhenTheBatchIsWritten() {
        BatchedInserts byName = rows.keyedBy(names -> Map.of("seven", 7L, "eight", 8L));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        byName.add("seven", "late");
        byName.add("eight", "on time");
        batch.commit();

        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of(7L, "late", 8L, "on time"));
    }

    @Test
    void aRowWithoutAKeyFailsTheCommit() {
        BatchedInserts byName = rows.keyedBy(names -> Map.of());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        byName.add("nine", "lost");

        assertThatThrownBy(batch::commit).hasMessageContaining("nine");
    }

    private Map<Long, String> labels() {
        Map<Long, String> labels = new java.util.TreeMap<>();
        jdbc.query("select id, label from item", row -> {
            labels.put(row.getLong("id"), row.getString("label"));
        });
        return labels;
    }
}
