package org.mandate.domain.inbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Keep {@code query} (an inbox query string, already checked by the application) under {@code name}, replacing a
 * filter of the same name.
 */
public record SaveInboxFilter(PersonId person, String name, String query) {

    @TargetAggregateIdentifier
    public String streamId() {
        return InboxFilters.streamId(person);
    }
}
