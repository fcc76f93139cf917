package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;

public record SubmitRequest(@TargetAggregateIdentifier RequestId requestId, String title, String category,
                            BigDecimal amount, String currency, String description, PersonId requester,
                            String processKey) {
}
