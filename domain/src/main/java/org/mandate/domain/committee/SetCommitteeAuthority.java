package org.mandate.domain.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

/** The committee's authority from now on, per category, in one currency. */
public record SetCommitteeAuthority(CommitteeId committeeId, Authority authority, String currency, PersonId setBy) {

    @TargetAggregateIdentifier
    public String streamId() {
        return committeeId.streamId();
    }
}
