package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeManager(@TargetAggregateIdentifier PersonId personId, PersonId manager) {
}
