package org.mandate.domain.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Add {@code key} (as requests spell it) with the name people see; adding a retired key brings it back. */
public record AddCategory(String key, String name, PersonId by) {

    @TargetAggregateIdentifier
    public String categoriesId() {
        return Categories.ID;
    }
}
