package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The step now sits with {@code to}, not lent to anyone. */
public record StepReassigned(RequestId requestId, StepId stepId, PersonId from, PersonId to, String reason,
                             Instant reassignedAt) {
}
