package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Sent when a voter leaves: their vote, cast or not, no longer counts, and the quorum is recomputed. */
public record RemoveVoter(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId voter,
                          String reason) {
}
