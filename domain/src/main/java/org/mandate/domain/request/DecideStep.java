package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record DecideStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId decider,
                         Outcome outcome, String rationale) {
}
