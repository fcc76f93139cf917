package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code successor} may be null: the leaver's manager then takes over. */
public record RecordDeparture(@TargetAggregateIdentifier PersonId personId, PersonId successor, PersonId recordedBy) {
}
