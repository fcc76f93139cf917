package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.FreeText;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * Sent by the engine when the approval path reaches a user task. {@code pathVersion} is the engine's id of the
 * deployed process version, so a replay knows which path was in force.
 */
public record OpenStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, String name, PersonId assignee,
                       Instant dueAt, String pathVersion) implements FreeText.Unchecked {
}
