package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;

/**
 * The requester answers the question a step was sent back with, and may amend the title and description at the same
 * time (null keeps them). {@code amount} is what the caller believes the amount is, if they sent one: an answer never
 * changes it (SendBackPolicy says why), so any other figure is refused.
 */
public record AnswerRequest(@TargetAggregateIdentifier RequestId requestId, PersonId by, String answer, String title,
                            String description, BigDecimal amount) {
}
