package org.mandate.domain.binding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent at every start: binds the shipped path to any category the first time only. Once anything was ever bound,
 * it does nothing, so a process owner who removed the default does not get it back on the next restart.
 */
public record BindDefaultPath(String processKey) {

    @TargetAggregateIdentifier
    public String bindingsId() {
        return PathBindings.ID;
    }
}
