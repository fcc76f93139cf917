package org.mandate.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.mandate.projections.BatchedInserts;
import org.mandate.projections.Rows;
import org.mandate.projections.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per event, whatever its type: the handler takes every payload, so the events other features add later
 * are in the trail from the day they are first recorded. Keyed by global index, so an event delivered again
 * rewrites its row instead of adding one. A batch's rows go to the database together (a rebuild writes one per
 * event). The global index is looked up by event identifier for the whole batch as it is written, not taken from
 * the tracking token (see {@link StoredEvents}). A row holds what auditors filter on and points at the stored event
 * for the rest (docs/adr/0025-audit-trail-points-at-the-store.md): {@link AuditTrail} reads the identifier,
 * aggregate, payload and metadata from the event store, so the trail shows the event as recorded (an amount recorded
 * as 50000 read back and written out again by the app's mapper showed as 5E+4) and a rebuild writes only the columns
 * auditors filter on, not a second copy of every event.
 */
@ProcessingGroup(AuditTrailProjection.NAME)
public class AuditTrailProjection {

    public static final String NAME = "audit-trail";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Serializer events;
    private final BatchedInserts rows;

    /** {@code events}: the serializer the event store writes events with. */
    public AuditTrailProjection(JdbcTemplate jdbc, ObjectMapper json, Serializer events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.rows = new BatchedInserts(jdbc, "audit_event", "global_index", "event_type", "occurred_at", "actor",
                "on_behalf_of", "mandate_id", "request_id", "step_id", "rationale", "process_version")
                .keyedBy(sightings -> StoredEvents.globalIndexes(jdbc, sightings));
    }

    @EventHandler
    void on(EventMessage<?> event) throws Exception {
        String payload = event.serializePayload(events, String.class).getData();
        JsonNode stored = json.readTree(payload);
        // a sealed rationale (docs/privacy.md) is taken in clear from the event; the stored payload stays sealed, so
        // erasing its author leaves only this column to blank
        boolean sealed = AuditFields.RATIONALE.stream().anyMatch(name -> stored.path(name).isObject());
        AuditFields fields = AuditFields.of(sealed ? json.valueToTree(event.getPayload()) : stored);
        // the first value stands for the global index until the batch is written
        rows.add(StoredEvents.Sighting.of(event), event.getPayloadType().getSimpleName(),
                Rows.timestamp(event.getTimestamp()), fields.actor(), fields.onBehalfOf(), fields.mandateId(),
                fields.requestId(), fields.stepId(), fields.rationale(), fields.processVersion());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_event");
    }
}
