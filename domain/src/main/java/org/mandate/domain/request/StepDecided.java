package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A decision on a step. {@code onBehalfOf} and {@code mandateId} are set when the decider acted under
 * someone else's authority, so who decided under whose authority is never lost.
 */
public record StepDecided(RequestId requestId, StepId stepId, Outcome outcome, PersonId decidedBy,
                          PersonId onBehalfOf, String mandateId,
                          @Personal(subject = "decidedBy", request = "requestId") String rationale, Instant decidedAt) {
}
