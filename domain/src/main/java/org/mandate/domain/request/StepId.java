package org.mandate.domain.request;

import java.util.Objects;

/** A step's id; the engine task that drives the step has the same id. */
public record StepId(String value) {

    public StepId {
        Objects.requireNonNull(value, "step id");
    }

    @Override
    public String toString() {
        return value;
    }
}
