package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator asks to forget a person who has left; a second administrator approves (ApproveErasure). */
public record RequestErasure(@TargetAggregateIdentifier PersonId personId, PersonId requestedBy, String reason) {
}
