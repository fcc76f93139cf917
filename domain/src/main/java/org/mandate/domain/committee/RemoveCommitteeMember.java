package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Take a member off the committee; what they decided stays in the history. */
public record RemoveCommitteeMember(CommitteeId committeeId, PersonId personId, PersonId removedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
