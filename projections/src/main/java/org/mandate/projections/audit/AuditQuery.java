package org.mandate.projections.audit;

import java.time.Instant;

/**
 * Which events to read. {@code actor} matches the person who acted and the person on whose behalf they acted;
 * {@code from} is inclusive, {@code to} exclusive; null means no bound. {@code after} is a global index: only events
 * after it (a page of the trail continues where the last ended). {@code limit} null means all.
 */
public record AuditQuery(String requestId, String actor, Instant from, Instant to, Long after, Integer limit) {

    public AuditQuery(String requestId, String actor, Instant from, Instant to, Integer limit) {
        this(requestId, actor, from, to, null, limit);
    }

    public AuditQuery after(long globalIndex) {
        return new AuditQuery(requestId, actor, from, to, globalIndex, limit);
    }
}
