package org.mandate.domain.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** Give {@code key} a new name; the key, and so every request, authority and mandate in it, stays. */
public record RenameCategory(String key, String name, PersonId by) {

    @TargetAggregateIdentifier
    public String categoriesId() {
        return Categories.ID;
    }
}
