package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Duration;
import java.time.Instant;

/**
 * The requester left while a step of their request waited for their answer ({@link MoreInformationRequested}):
 * nobody can answer any more, so the step resumes with its holder unanswered, to be decided on what is there.
 * {@code recordedBy} recorded the departure, at {@code leftAt}. Like {@link MoreInformationProvided}, {@code paused}
 * is how long the step waited and {@code dueAt} its new due date (the old one moved by the pause; null if none).
 */
public record RequesterLeftBeforeAnswering(RequestId requestId, StepId stepId, PersonId requester,
                                           PersonId recordedBy, Duration paused, Instant dueAt, Instant leftAt) {
}
