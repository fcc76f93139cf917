package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The address notices are sent to from now on. */
public record SetEmail(@TargetAggregateIdentifier PersonId personId, String email, PersonId recordedBy) {
}
