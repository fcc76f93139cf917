package org.mandate.domain.mandate;

import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * What the rules know about a mandate. {@code principal} is whose authority it carries: the grantor, or for a
 * mandate passed on from another ({@code parent}), the principal of that one.
 */
public record MandateTerms(MandateId id, PersonId grantor, PersonId holder, PersonId principal, MandateId parent,
                           Scope scope, Instant validFrom, Instant validUntil, boolean mayRedelegate,
                           Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** In its window and not revoked at that moment; a mandate ending at 10:00 no longer counts at 10:00. */
    public boolean inForceAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil) && (revokedAt == null || at.isBefore(revokedAt));
    }

    /** Not revoked and not yet past its end: it may still be used now or later. */
    public boolean liveAt(Instant at) {
        return revokedAt == null && at.isBefore(validUntil);
    }

    public boolean covers(String category, Money amount) {
        return scope.covers(category, amount);
    }
}
