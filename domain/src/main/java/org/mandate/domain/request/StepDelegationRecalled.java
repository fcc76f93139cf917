package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The holder took back a step they had lent to {@code from}. */
public record StepDelegationRecalled(RequestId requestId, StepId stepId, PersonId by, PersonId from,
                                     @Personal(subject = "by", request = "requestId") String reason,
                                     Instant recalledAt) {
}
