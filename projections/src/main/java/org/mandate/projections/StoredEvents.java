package org.mandate.projections;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Where an event sits in the event store. Not the tracking token's position: a gap-aware token's position is the
 * highest global index the reader has seen, so an event whose transaction committed after a later one's arrives
 * with the later one's position (index 14, committed last, comes with position 15). Keying rows by that position
 * would overwrite event 15 with event 14. The event identifier is unique in the store, so it names the row.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long globalIndex(JdbcTemplate jdbc, EventMessage<?> event) {
        List<Long> index = jdbc.queryForList("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, event.getIdentifier());
        if (index.isEmpty()) {
            throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
        }
        return index.get(0);
    }
}
