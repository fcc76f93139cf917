package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The second administrator's approval of a pending erasure: their key is destroyed when this is recorded. */
public record ApproveErasure(@TargetAggregateIdentifier PersonId personId, PersonId approvedBy) {
}
