package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record StepDelegated(RequestId requestId, StepId stepId, PersonId from, PersonId to,
                            @Personal(subject = "from", request = "requestId") String note, Instant delegatedAt) {
}
