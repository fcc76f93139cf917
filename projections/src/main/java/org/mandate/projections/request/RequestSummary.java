package org.mandate.projections.request;

import java.math.BigDecimal;
import java.time.Instant;

/** A request as a line in a list: enough to recognise it and see where it stands. */
public record RequestSummary(String id, String title, BigDecimal amount, String currency, String status,
                             Instant submittedAt, Instant closedAt) {
}
