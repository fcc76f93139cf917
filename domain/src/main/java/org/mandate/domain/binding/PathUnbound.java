package org.mandate.domain.binding;

import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;

/** The slot's binding was removed; {@code processKey} names the path it had, for the trail. */
public record PathUnbound(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount,
                          PersonId unboundBy, Instant unboundAt) {
}
