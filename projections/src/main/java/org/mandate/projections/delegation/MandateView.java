package org.mandate.projections.delegation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A mandate as people see it; {@code status} is UPCOMING, ACTIVE, EXPIRED or REVOKED at the moment of reading, or
 * ENDED when a mandate it was passed on from no longer is in force ({@code endedBecause} says which and why): a
 * mandate is in force only while every link of its chain is.
 */
public record MandateView(String id, String from, String to, String onBehalfOf, String passedOn,
                          Set<String> categories, BigDecimal maxAmount, String currency, Instant validFrom,
                          Instant validUntil, boolean mayRedelegate, String reason, Instant grantedAt, String status,
                          Instant revokedAt, String revokedBy, String revokeReason, String endedBecause) {

    public static final String ENDED = "ENDED";

    /** Still counts now or later on its own terms (whether its chain does is another matter). */
    boolean liveOnItsOwn() {
        return status.equals("ACTIVE") || status.equals("UPCOMING");
    }

    MandateView ended(String because) {
        return new MandateView(id, from, to, onBehalfOf, passedOn, categories, maxAmount, currency, validFrom,
                validUntil, mayRedelegate, reason, grantedAt, ENDED, revokedAt, revokedBy, revokeReason, because);
    }
}
