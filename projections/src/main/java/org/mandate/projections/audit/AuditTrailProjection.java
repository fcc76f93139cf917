package org.mandate.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.projections.Rows;
import org.mandate.projections.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per event, whatever its type: the handler takes every payload, so the events other features add later
 * are in the trail from the day they are first recorded. Keyed by global index, so a retried batch rewrites the
 * same rows instead of adding new ones.
 */
@ProcessingGroup(AuditTrailProjection.NAME)
public class AuditTrailProjection {

    public static final String NAME = "audit-trail";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditTrailProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) throws Exception {
        long globalIndex = StoredEvents.globalIndex(jdbc, event);
        JsonNode tree = json.valueToTree(payload);
        AuditFields fields = AuditFields.of(tree);
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        jdbc.update("delete from audit_event where global_index = ?", globalIndex);
        jdbc.update("insert into audit_event (global_index, event_id, event_type, aggregate_type, aggregate_id, "
                        + "sequence_number, occurred_at, actor, on_behalf_of, mandate_id, request_id, step_id, "
                        + "rationale, process_version, payload, meta_data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                globalIndex, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateType,
                aggregateId, sequence, Rows.timestamp(event.getTimestamp()), fields.actor(), fields.onBehalfOf(),
                fields.mandateId(), fields.requestId(), fields.stepId(), fields.rationale(), fields.processVersion(),
                json.writeValueAsString(tree), json.writeValueAsString(event.getMetaData()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_event");
    }
}
