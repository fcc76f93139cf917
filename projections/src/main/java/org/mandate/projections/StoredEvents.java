package org.mandate.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an event sits in the event store. Not the tracking token's position: a gap-aware token's position is the
 * highest global index the reader has seen, so an event whose transaction committed after a later one's arrives
 * with the later one's position (index 14, committed last, comes with position 15). Keying rows by that position
 * would overwrite event 15 with event 14. The event identifier is unique in the store, so it names the row.
 */
public final class StoredEvents {

    private static final int CHUNK = 500;

    private StoredEvents() {
    }

    /** Each event identifier's global index, in one query per 500 identifiers. */
    public static Map<Object, Object> globalIndexes(JdbcTemplate jdbc, Collection<Object> eventIds) {
        Map<Object, Object> indexes = new HashMap<>();
        List<Object> ids = List.copyOf(eventIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", (RowCallbackHandler) row ->
                    indexes.put(row.getString("event_identifier"), row.getLong("global_index")), chunk.toArray());
        }
        return indexes;
    }
}
