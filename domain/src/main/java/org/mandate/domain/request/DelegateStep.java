package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** The holder lends a step, and their authority for it, to a colleague. */
public record DelegateStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId by, PersonId to,
                           String note) {
}
