package org.mandate.projections.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;

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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        // by identifier, not by the tracking token's position: see StoredEvents
        LedgerChain.StoredEvent event = jdbc.queryForObject("select * from domain_event_entry "
                + "where event_identifier = ?", (row, n) -> LedgerChain.StoredEvent.read(row), message.getIdentifier());
        long globalIndex = event.globalIndex();
        Integer chained = jdbc.queryForObject("select count(*) from ledger_link where global_index = ?",
                Integer.class, globalIndex);
        if (chained != null && chained > 0) {
            return;
        }
        List<Object[]> last = jdbc.query("select position, hash from ledger_link order by position desc "
                + "fetch first 1 rows only", (row, n) -> new Object[]{row.getLong("position"), row.getString("hash")});
        long position = last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1;
        byte[] previous = last.isEmpty() ? LedgerChain.GENESIS : LedgerChain.bytes((String) last.get(0)[1]);
        jdbc.update("insert into ledger_link (position, global_index, hash, chained_at) values (?, ?, ?, ?)",
                position, globalIndex, LedgerChain.hex(LedgerChain.link(previous, event)),
                Rows.timestamp(clock.instant()));
    }
}
