package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record WithdrawRequest(@TargetAggregateIdentifier RequestId requestId, PersonId by, String reason) {
}
