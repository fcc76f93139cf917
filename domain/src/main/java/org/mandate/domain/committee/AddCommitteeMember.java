package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Seat an active person on the committee. */
public record AddCommitteeMember(CommitteeId committeeId, PersonId personId, PersonId addedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
