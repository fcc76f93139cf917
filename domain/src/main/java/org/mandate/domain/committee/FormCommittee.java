package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Form a committee with no members yet; its name must be unique among committees not dissolved. */
public record FormCommittee(CommitteeId committeeId, String name, PersonId formedBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
