package org.mandate.projections.audit;

import java.time.Instant;

/** One flattened event. {@code payload} and {@code metaData} are the event's JSON as recorded. */
public record AuditEntry(long globalIndex, String eventId, String type, String aggregateType, String aggregateId,
                         Long sequence, Instant at, String actor, String onBehalfOf, String mandateId,
                         String requestId, String stepId, String rationale, String processVersion, String payload,
                         String metaData) {
}
