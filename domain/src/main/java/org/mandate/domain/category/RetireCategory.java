package org.mandate.domain.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** No new submissions in {@code key}; requests already in it keep it. */
public record RetireCategory(String key, PersonId by) {

    @TargetAggregateIdentifier
    public String categoriesId() {
        return Categories.ID;
    }
}
