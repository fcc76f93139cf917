package org.mandate.projections.binding;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.domain.binding.BoundPaths;
import org.mandate.domain.binding.Bindings;
import org.mandate.domain.binding.PathBinding;
import org.mandate.domain.binding.PathBindings;
import org.mandate.domain.binding.PathBound;
import org.mandate.domain.binding.PathUnbound;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Folds the bindings' own event stream on every read, so a submission routes by exactly what the event store holds,
 * on every node, with no table to rebuild or keep in step. The stream is a handful of events, read by its
 * aggregate id (one indexed query).
 */
public class BindingsReader implements BoundPaths {

    private final EventStore events;

    public BindingsReader(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<PathBinding> pathFor(String category, BigDecimal amount) {
        return fold().pathFor(category, amount);
    }

    public List<PathBound> current() {
        return fold().current();
    }

    private Bindings fold() {
        Bindings bindings = new Bindings();
        events.readEvents(PathBindings.ID).asStream().forEach(event -> {
            if (event.getPayload() instanceof PathBound bound) {
                bindings.on(bound);
            } else if (event.getPayload() instanceof PathUnbound unbound) {
                bindings.on(unbound);
            }
        });
        return bindings;
    }
}
