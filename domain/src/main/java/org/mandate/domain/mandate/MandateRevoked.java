package org.mandate.domain.mandate;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record MandateRevoked(MandateId mandateId, PersonId revokedBy,
                             @Personal(subject = "revokedBy") String reason, Instant revokedAt) {
}
