package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record RecallDelegation(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId by,
                               String reason) {
}
