package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record StepOpened(RequestId requestId, StepId stepId, String name, PersonId assignee, Instant dueAt,
                         Instant openedAt) {
}
