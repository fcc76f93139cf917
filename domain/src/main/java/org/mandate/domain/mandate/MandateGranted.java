package org.mandate.domain.mandate;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record MandateGranted(MandateId mandateId, PersonId grantor, PersonId holder, PersonId principal,
                             MandateId parent, Scope scope, Instant validFrom, Instant validUntil,
                             @Personal(subject = "grantor") String reason, boolean mayRedelegate, Instant grantedAt) {
}
