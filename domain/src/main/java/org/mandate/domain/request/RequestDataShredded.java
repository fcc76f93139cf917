package org.mandate.domain.request;

import java.time.Duration;
import java.time.Instant;

/**
 * The request's retention period ended: the key that its texts (title, description, rationales, notes, comments) were
 * sealed with is destroyed, so they read as erased from now on. Ids, amounts, category, outcomes and who decided stay:
 * they are no personal text, and the proof needs them.
 */
public record RequestDataShredded(RequestId requestId, String category, Duration retention, Instant closedAt,
                                  Instant shreddedAt) {
}
