package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Takes a step away from {@code from}, who left; {@code to} is their successor. */
public record ReassignStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId from, PersonId to,
                           String reason) {
}
