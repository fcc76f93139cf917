package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** A step opened on the path version {@code pathVersion} (the engine's process definition id). */
public record StepOpened(RequestId requestId, StepId stepId, String name, PersonId assignee, Instant dueAt,
                         Instant openedAt, String pathVersion) {
}
