package org.mandate.domain.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator exported everything held about the person (subject access): recorded, never silent. */
public record RecordDataExport(@TargetAggregateIdentifier PersonId personId, PersonId exportedBy, int events) {
}
