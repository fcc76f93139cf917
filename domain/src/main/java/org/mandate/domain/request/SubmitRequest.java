package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;

public record SubmitRequest(@TargetAggregateIdentifier RequestId requestId, String title, String category,
                            Money money, String description, PersonId requester, String processKey) {
}
