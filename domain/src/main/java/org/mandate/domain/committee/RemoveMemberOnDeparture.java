package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Sent when a member leaves the organisation; {@code recordedBy} is who recorded the departure. */
public record RemoveMemberOnDeparture(CommitteeId committeeId, PersonId leaver, PersonId recordedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
