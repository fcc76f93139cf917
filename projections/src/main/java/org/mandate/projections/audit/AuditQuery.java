package org.mandate.projections.audit;

import java.time.Instant;

/**
 * Which events to read. {@code actor} matches the person who acted and the person on whose behalf they acted;
 * {@code from} is inclusive, {@code to} exclusive; null means no bound. {@code limit} null means all.
 */
public record AuditQuery(String requestId, String actor, Instant from, Instant to, Integer limit) {
}
