package org.mandate.domain.binding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The bindings in force, folded from the events that made them; the aggregate and every reader fold alike. */
public final class Bindings {

    private final List<PathBound> current = new ArrayList<>();

    public void on(PathBound event) {
        current.removeIf(bound -> bound.binding().sameSlot(event.category(), event.minAmount(), event.maxAmount()));
        current.add(event);
    }

    public void on(PathUnbound event) {
        current.removeIf(bound -> bound.binding().sameSlot(event.category(), event.minAmount(), event.maxAmount()));
    }

    /** What is bound, with who bound it and when; named categories first, then by band. */
    public List<PathBound> current() {
        return current.stream().sorted(Comparator
                .comparing((PathBound bound) -> bound.category() == null)
                .thenComparing(bound -> bound.category() == null ? "" : bound.category())
                .thenComparing(bound -> bound.minAmount() == null ? BigDecimal.ZERO : bound.minAmount()))
                .toList();
    }

    public List<PathBinding> bindings() {
        return current.stream().map(PathBound::binding).toList();
    }

    public Optional<PathBinding> pathFor(String category, BigDecimal amount) {
        return PathBinding.mostSpecific(bindings(), category, amount);
    }

    Optional<PathBinding> inSlot(String category, BigDecimal min, BigDecimal max) {
        return bindings().stream().filter(binding -> binding.sameSlot(category, min, max)).findFirst();
    }
}
