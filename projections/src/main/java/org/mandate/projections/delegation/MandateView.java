package org.mandate.projections.delegation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A mandate as people see it; {@code status} is UPCOMING, ACTIVE, EXPIRED or REVOKED at the moment of reading. */
public record MandateView(String id, String from, String to, String onBehalfOf, String passedOn,
                          Set<String> categories, BigDecimal maxAmount, String currency, Instant validFrom,
                          Instant validUntil, boolean mayRedelegate, String reason, Instant grantedAt, String status,
                          Instant revokedAt, String revokedBy, String revokeReason) {
}
