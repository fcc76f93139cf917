package org.mandate.domain.binding;

import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;

/** Requests in this slot go on {@code processKey} from now on. {@code boundBy} is null for the shipped default. */
public record PathBound(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount,
                        PersonId boundBy, Instant boundAt) {

    public PathBinding binding() {
        return new PathBinding(processKey, category, minAmount, maxAmount);
    }
}
