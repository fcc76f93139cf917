package org.mandate.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where an event sits in the event store. Not the tracking token's position: a gap-aware token's position is the
 * highest global index the reader has seen, so an event whose transaction committed after a later one's arrives
 * with the later one's position (index 14, committed last, comes with position 15). Keying rows by that position
 * would overwrite event 15 with event 14. The event identifier is unique in the store, so it names the row; the
 * positions only say where to look first.
 */
public final class StoredEvents {

    private static final int CHUNK = 500;

    /**
     * An event seen by a handler: its identifier and its tracking token's position, which is its global index or,
     * for an event that committed late, a higher one; null when it came without a token.
     */
    public record Sighting(String eventId, Long position) {

        public static Sighting of(EventMessage<?> event) {
            OptionalLong position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position() : OptionalLong.empty();
            return new Sighting(event.getIdentifier(), position.isPresent() ? position.getAsLong() : null);
        }
    }

    private StoredEvents() {
    }

    /**
     * SQL for a stored event's payload as text, to search inside it: the store keeps payloads as bytes ({@code blob}
     * on H2, {@code bytea} on PostgreSQL), which neither database compares with {@code like}.
     */
    public static String payloadAsText(JdbcTemplate jdbc) {
        return Rows.onPostgres(jdbc) ? "convert_from(payload, 'UTF8')" : "utf8tostring(payload)";
    }

    /**
     * Each sighted event's global index. A batch's positions span the store's rows between its lowest and highest
     * one, so those rows are read in one range scan of the primary key and matched by identifier (on H2 a sixth of
     * an audit rebuild went to looking up each identifier in its unique index instead); only an event not in that
     * range (one that committed late, or that came without a position) is looked up by identifier, 500 per query.
     */
    public static Map<Object, Object> globalIndexes(JdbcTemplate jdbc, Collection<Object> sightings) {
        Map<String, Sighting> byId = new HashMap<>();
        for (Object sighting : sightings) {
            byId.put(((Sighting) sighting).eventId(), (Sighting) sighting);
        }
        Map<Object, Object> indexes = new HashMap<>();
        List<Long> positions = byId.values().stream().map(Sighting::position).filter(Objects::nonNull).toList();
        if (!positions.isEmpty()) {
            long lowest = Collections.min(positions);
            long highest = Collections.max(positions);
            // a batch of one segment of several sees about every n-th event; a wider span is not worth scanning
            if (highest - lowest < 4L * byId.size() + 1_000) {
                jdbc.query("select event_identifier, global_index from domain_event_entry "
                        + "where global_index between ? and ?", (RowCallbackHandler) row -> {
                    Sighting sighting = byId.get(row.getString("event_identifier"));
                    if (sighting != null) {
                        indexes.put(sighting, row.getLong("global_index"));
                    }
                }, lowest, highest);
            }
        }
        List<String> rest = byId.keySet().stream().filter(id -> !indexes.containsKey(byId.get(id))).toList();
        for (int from = 0; from < rest.size(); from += CHUNK) {
            List<String> chunk = rest.subList(from, Math.min(rest.size(), from + CHUNK));
            jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", (RowCallbackHandler) row ->
                    indexes.put(byId.get(row.getString("event_identifier")), row.getLong("global_index")),
                    chunk.toArray());
        }
        return indexes;
    }
}
