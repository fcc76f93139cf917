package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** {@code by} is null when the path's time limit escalates the step, not a person. */
public record EscalateStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId by,
                           String reason) {

    public boolean automatic() {
        return by == null;
    }
}
