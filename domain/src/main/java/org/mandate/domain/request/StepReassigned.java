package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The step now sits with {@code to}, not lent to anyone. */
public record StepReassigned(RequestId requestId, StepId stepId, PersonId from, PersonId to,
                             @Personal(subject = "from", request = "requestId") String reason, Instant reassignedAt) {
}
