package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** End the committee; its name may then be used again and its history stays. */
public record DissolveCommittee(CommitteeId committeeId, PersonId dissolvedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
