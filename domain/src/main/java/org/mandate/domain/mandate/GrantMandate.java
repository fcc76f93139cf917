package org.mandate.domain.mandate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** {@code passedOn} names a mandate the grantor holds and passes on; null for a grant of their own authority. */
public record GrantMandate(@TargetAggregateIdentifier MandateId mandateId, PersonId grantor, PersonId holder,
                           Scope scope, Instant validFrom, Instant validUntil, String reason, boolean mayRedelegate,
                           MandateId passedOn) {

    /** The longest reason a mandate's grant or revocation takes; longer is refused. */
    public static final int MAX_REASON = 2_000;
}
