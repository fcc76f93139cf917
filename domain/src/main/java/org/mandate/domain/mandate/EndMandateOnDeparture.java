package org.mandate.domain.mandate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Sent when the grantor or the holder leaves; {@code recordedBy} is who recorded the departure. */
public record EndMandateOnDeparture(@TargetAggregateIdentifier MandateId mandateId, PersonId leaver,
                                    PersonId recordedBy) {
}
