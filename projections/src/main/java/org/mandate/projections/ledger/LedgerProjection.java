package org.mandate.projections.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mandate.projections.PerBatch;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extends the chain by one link per event, in the order this tracking processor receives them: global order,
 * except that an event whose transaction committed after a later one's is chained when it becomes visible. The
 * link is taken over the row as stored, read back by global index in the same transaction, not over the
 * deserialized message, so the verification can recompute it from the event store alone. Runs in one segment: a
 * chain has one end. Never replayed: re-chaining history would re-sign whatever the history holds now.
 * <p>
 * Why not hold an event back until every lower global index is chained or known never to exist, so that links
 * follow the global index strictly? Because "known never to exist" is not knowable here in useful time: a rolled
 * back transaction leaves a hole in the global index for good, and Axon's reader keeps such a hole in its token's
 * gaps until its gap timeout (an hour in this app, see EventStorageConfiguration) has passed and more than 250 gaps
 * have piled up, or until 10,000 events have followed; any rollback (a concurrent decision, a failing engine call)
 * would stall the ledger that long. Instead the order is made part of the evidence: each link records the global
 * index it chained and hashes it with the row, and {@link LedgerVerifier} recomputes the links in this same
 * order. The two cannot disagree about the order, and moving a row to another index still breaks its link.
 */
@ProcessingGroup(LedgerProjection.NAME)
@DisallowReplay
public class LedgerProjection {

    public static final String NAME = "ledger";
    private static final String RESOURCE = LedgerProjection.class.getName() + "#links";
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the message only: a payload parameter would have every event deserialised (and opened) for nothing. */
    @EventHandler
    void on(EventMessage<?> message) {
        // by identifier, not by the tracking token's position: see StoredEvents
        PerBatch.<Set<String>>change(RESOURCE, LinkedHashSet::new, this::chain,
                ids -> ids.add(message.getIdentifier()));
    }

    /**
     * Links a batch's events in the order they were received, as the batch commits: the rows, the links already
     * made and the chain's end are read once for the batch (they were read once per event, four statements each,
     * which made the ledger the busiest of the background projections), and the links go in as one JDBC batch.
     */
    private void chain(Set<String> ids) {
        Map<String, LedgerChain.StoredEvent> stored = new HashMap<>();
        Set<Long> chained = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(ids))) {
            jdbc.query("select * from domain_event_entry where event_identifier in (" + marks(chunk) + ")",
                    (RowCallbackHandler) row -> {
                        LedgerChain.StoredEvent event = LedgerChain.StoredEvent.read(row);
                        stored.put(event.eventId(), event);
                    }, chunk.toArray());
        }
        for (List<Long> chunk : chunks(stored.values().stream().map(LedgerChain.StoredEvent::globalIndex).toList())) {
            chained.addAll(jdbc.queryForList("select global_index from ledger_link where global_index in ("
                    + marks(chunk) + ")", Long.class, chunk.toArray()));
        }
        List<Object[]> last = jdbc.query("select position, hash from ledger_link order by position desc "
                + "fetch first 1 rows only", (row, n) -> new Object[]{row.getLong("position"), row.getString("hash")});
        long position = last.isEmpty() ? 0 : (Long) last.get(0)[0];
        byte[] previous = last.isEmpty() ? LedgerChain.GENESIS : LedgerChain.bytes((String) last.get(0)[1]);
        List<Object[]> links = new ArrayList<>();
        for (String id : ids) {
            LedgerChain.StoredEvent event = stored.get(id);
            if (event == null) {
                throw new IllegalStateException("event " + id + " was delivered but is not in the event store");
            }
            if (!chained.add(event.globalIndex())) {
                continue; // chained before: an event delivered again
            }
            previous = LedgerChain.link(previous, event);
            links.add(new Object[]{++position, event.globalIndex(), LedgerChain.hex(previous),
                    Rows.timestamp(clock.instant())});
        }
        jdbc.batchUpdate("insert into ledger_link (position, global_index, hash, chained_at) values (?, ?, ?, ?)",
                links);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(List<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
