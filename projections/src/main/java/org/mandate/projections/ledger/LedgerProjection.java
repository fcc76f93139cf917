package org.mandate.projections.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Extends the chain by one link per event, in the order this tracking processor receives them: global order,
 * except that an event whose transaction committed late is chained when it becomes visible. The link is taken
 * over the row as stored, read back by global index in the same transaction, not over the deserialized message,
 * so the verification can recompute it from the event store alone. Runs in one segment: a chain has one end.
 * Never replayed: re-chaining history would re-sign whatever the history holds now.
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
    void on(Object payload, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() ->
                new IllegalStateException("the ledger needs the event's global index; run it as a tracking processor"));
        Integer chained = jdbc.queryForObject("select count(*) from ledger_link where global_index = ?",
                Integer.class, globalIndex);
        if (chained != null && chained > 0) {
            return;
        }
        LedgerChain.StoredEvent event = jdbc.queryForObject("select * from domain_event_entry where global_index = ?",
                (row, n) -> LedgerChain.StoredEvent.read(row), globalIndex);
        List<Object[]> last = jdbc.query("select position, hash from ledger_link order by position desc "
                + "fetch first 1 rows only", (row, n) -> new Object[]{row.getLong("position"), row.getString("hash")});
        long position = last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1;
        byte[] previous = last.isEmpty() ? LedgerChain.GENESIS : LedgerChain.bytes((String) last.get(0)[1]);
        jdbc.update("insert into ledger_link (position, global_index, hash, chained_at) values (?, ?, ?, ?)",
                position, globalIndex, LedgerChain.hex(LedgerChain.link(previous, event)),
                Rows.timestamp(clock.instant()));
    }
}
