package org.mandate.domain.mandate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record RevokeMandate(@TargetAggregateIdentifier MandateId mandateId, PersonId by, String reason) {
}
