package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the engine when the approval path has ended; the outcome is that of the last decision. */
public record CompleteRequest(@TargetAggregateIdentifier RequestId requestId, Outcome outcome) {
}
