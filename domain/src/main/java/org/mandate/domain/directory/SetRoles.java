package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** The person's roles beyond staff from now on (an empty set leaves them staff only). */
public record SetRoles(@TargetAggregateIdentifier PersonId personId, Set<Role> roles, PersonId recordedBy) {
}
