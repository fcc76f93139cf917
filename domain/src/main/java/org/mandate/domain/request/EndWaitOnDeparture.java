package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Run by the departure of {@code requester}: a step of their request that waits for their answer waits no more, as
 * nobody is left to answer it. {@code recordedBy} is the administrator who recorded the departure.
 */
public record EndWaitOnDeparture(@TargetAggregateIdentifier RequestId requestId, PersonId requester,
                                 PersonId recordedBy) {
}
