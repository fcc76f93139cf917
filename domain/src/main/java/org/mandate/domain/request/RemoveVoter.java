package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Sent when a voter leaves: their vote, cast or not, no longer counts. Their {@code successor} (null when the
 * departure names none) takes the seat when SeatSuccessionPolicy allows it; otherwise the voter is taken off and the
 * quorum is recomputed.
 */
public record RemoveVoter(@TargetAggregateIdentifier RequestId requestId, StepId stepId, PersonId voter,
                          PersonId successor, String reason) {
}
