package org.mandate.domain.binding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;

/** Bind {@code processKey} to a category (null: any) and an optional amount band; replaces the same slot's path. */
public record BindPath(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount,
                       PersonId boundBy) {

    @TargetAggregateIdentifier
    public String bindingsId() {
        return PathBindings.ID;
    }
}
