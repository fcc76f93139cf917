package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The step moved one level up, from {@code from} to {@code to}; {@code by} is null when its time limit passed. */
public record StepEscalated(RequestId requestId, StepId stepId, PersonId from, PersonId to, PersonId by,
                            @Personal(subject = {"by", "from"}, request = "requestId") String reason,
                            Instant escalatedAt) {
}
