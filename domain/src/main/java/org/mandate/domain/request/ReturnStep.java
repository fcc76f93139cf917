package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Whoever may decide an open step sends the request back to its requester with a question; the step stays theirs,
 * paused, until the requester answers ({@link AnswerRequest}).
 */
public record ReturnStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId by,
                         String question) {
}
