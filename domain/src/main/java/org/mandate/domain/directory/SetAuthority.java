package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetAuthority(@TargetAggregateIdentifier PersonId personId, Authority authority) {
}
