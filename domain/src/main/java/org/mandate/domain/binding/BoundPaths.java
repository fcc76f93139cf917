package org.mandate.domain.binding;

import java.math.BigDecimal;
import java.util.Optional;

/** The bindings in force, as a submission reads them while its command runs. */
public interface BoundPaths {

    Optional<PathBinding> pathFor(String category, BigDecimal amount);
}
