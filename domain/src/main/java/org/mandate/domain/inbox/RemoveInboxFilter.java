package org.mandate.domain.inbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

public record RemoveInboxFilter(PersonId person, String name) {

    @TargetAggregateIdentifier
    public String streamId() {
        return InboxFilters.streamId(person);
    }
}
