package org.mandate.domain.binding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;

/** Remove the binding of one slot (category and band); requests there fall back to a less specific binding. */
public record UnbindPath(String category, BigDecimal minAmount, BigDecimal maxAmount, PersonId unboundBy) {

    @TargetAggregateIdentifier
    public String bindingsId() {
        return PathBindings.ID;
    }
}
