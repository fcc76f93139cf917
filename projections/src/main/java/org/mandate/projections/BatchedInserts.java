package org.mandate.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one table, keyed by their first column, collected over a tracking processor's batch and written just
 * before the batch's transaction commits as two JDBC batches: delete the keys, insert the rows. A rebuild then costs
 * two round trips per hundred events instead of two per event. A row whose event is delivered again (a retried
 * batch, an event redelivered after a gap) replaces the earlier one, as a delete and insert per event would. Rows
 * commit or roll back with the batch and its token. Only for a projection that does not read its own rows back
 * while handling; outside a unit of work the row is written at once.
 */
public final class BatchedInserts {

    /** Turns the values rows were added under into their keys, all of a batch at once; every value must map. */
    @FunctionalInterface
    public interface Keys {
        Map<Object, Object> of(Collection<Object> addedUnder);
    }

    private final JdbcTemplate jdbc;
    private final String delete;
    private final String highestKey;
    private final String insert;
    private final String resource;
    private final Keys keys;

    /** {@code columns}: the key column first. */
    public BatchedInserts(JdbcTemplate jdbc, String table, String... columns) {
        this(jdbc, "delete from " + table + " where " + columns[0] + " = ?",
                "select max(" + columns[0] + ") from " + table, "insert into " + table + " ("
                        + String.join(", ", columns) + ") values ("
                        + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")",
                BatchedInserts.class.getName() + "#" + table, null);
    }

    private BatchedInserts(JdbcTemplate jdbc, String delete, String highestKey, String insert, String resource,
                           Keys keys) {
        this.jdbc = jdbc;
        this.delete = delete;
        this.highestKey = highestKey;
        this.insert = insert;
        this.resource = resource;
        this.keys = keys;
    }

    /**
     * Rows are added under a value that stands for their key (e.g. an event identifier for its global index) and
     * get their keys as the batch is written, with one lookup for the whole batch.
     */
    public BatchedInserts keyedBy(Keys keys) {
        return new BatchedInserts(jdbc, delete, highestKey, insert, resource, keys);
    }

    public void add(Object... row) {
        PerBatch.<Map<Object, Object[]>>change(resource, LinkedHashMap::new, this::write,
                rows -> rows.put(row[0], row));
    }

    private void write(Map<Object, Object[]> added) {
        if (added.isEmpty()) {
            return;
        }
        Map<Object, Object[]> rows = keys == null ? added : keyed(added);
        List<Object[]> stored = mayBeStored(rows.keySet()).stream().map(key -> new Object[]{key}).toList();
        if (!stored.isEmpty()) {
            jdbc.batchUpdate(delete, stored);
        }
        jdbc.batchUpdate(insert, List.copyOf(rows.values()));
    }

    /**
     * The keys that may already have a row, to be deleted first. With numeric keys, none above the table's highest
     * can: a rebuild, and new events as they come, delete nothing; an event delivered again, or one that committed
     * late below rows already written, still replaces its row.
     */
    private Collection<Object> mayBeStored(Collection<Object> keys) {
        if (!keys.stream().allMatch(Number.class::isInstance)) {
            return keys;
        }
        Number highest = jdbc.queryForObject(highestKey, Number.class);
        return highest == null ? List.of()
                : keys.stream().filter(key -> ((Number) key).longValue() <= highest.longValue()).toList();
    }

    private Map<Object, Object[]> keyed(Map<Object, Object[]> added) {
        Map<Object, Object> resolved = keys.of(added.keySet());
        Map<Object, Object[]> rows = new LinkedHashMap<>();
        added.forEach((addedUnder, row) -> {
            Object key = resolved.get(addedUnder);
            if (key == null) {
                throw new IllegalStateException("no key for the row added under " + addedUnder);
            }
            Object[] keyed = row.clone();
            keyed[0] = key;
            rows.put(key, keyed);
        });
        return rows;
    }
}
