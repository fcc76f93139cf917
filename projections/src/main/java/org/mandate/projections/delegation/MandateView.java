package org.mandate.projections.delegation;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A mandate as people see it; {@code status} is UPCOMING, ACTIVE, EXPIRED or REVOKED at the moment of reading, or
 * ENDED when a mandate it was passed on from no longer is in force ({@code endedBecause} says which and why): a
 * mandate is in force only while every link of its chain is. {@code ending} holds the same facts for a page to word in
 * its own language; the API gives the English sentence.
 */
public record MandateView(String id, String from, String to, String onBehalfOf, String passedOn,
                          Set<String> categories, BigDecimal maxAmount, String currency, Instant validFrom,
                          Instant validUntil, boolean mayRedelegate, String reason, Instant grantedAt, String status,
                          Instant revokedAt, String revokedBy, String revokeReason, String endedBecause,
                          @JsonIgnore Ending ending) {

    public static final String ENDED = "ENDED";

    /** Still counts now or later on its own terms (whether its chain does is another matter). */
    boolean liveOnItsOwn() {
        return status.equals("ACTIVE") || status.equals("UPCOMING");
    }

    /**
     * The link of the chain that is no longer in force: the mandate {@code link}, granted by {@code grantor}, is
     * MISSING (cannot be found), REVOKED (with its reason, if any) or EXPIRED (at {@code validUntil}).
     */
    public record Ending(String link, String grantor, String what, String revokeReason, Instant validUntil) {

        String inEnglish() {
            String prefix = "no longer in force: the mandate it was passed on from (" + link;
            return switch (what) {
                case "MISSING" -> prefix + ") cannot be found";
                case "REVOKED" -> prefix + ", from " + grantor + ") was revoked"
                        + (revokeReason == null ? "" : ": " + revokeReason);
                default -> prefix + ", from " + grantor + ") ended at " + validUntil;
            };
        }
    }

    MandateView ended(Ending ending) {
        return new MandateView(id, from, to, onBehalfOf, passedOn, categories, maxAmount, currency, validFrom,
                validUntil, mayRedelegate, reason, grantedAt, ENDED, revokedAt, revokedBy, revokeReason,
                ending.inEnglish(), ending);
    }
}
