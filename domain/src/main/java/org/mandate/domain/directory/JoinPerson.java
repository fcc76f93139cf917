package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

public record JoinPerson(@TargetAggregateIdentifier PersonId personId, String name, String title, PersonId manager,
                         Set<Role> roles, Authority authority) {
}
