package org.mandate.domain.category;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Sent at start: on a store that has no category event yet, adds the categories already in use, so that an upgrade
 * refuses nothing that worked before. Once the list has any event, it does nothing.
 */
public record SeedCategories(List<String> keys) {

    public SeedCategories {
        keys = List.copyOf(keys);
    }

    @TargetAggregateIdentifier
    public String categoriesId() {
        return Categories.ID;
    }
}
