package org.mandate.domain.binding;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's bindings of paths to categories and bands: one stream, so every binding is checked against all
 * the others, and two nodes binding at once conflict in the event store instead of both succeeding.
 */
@AggregateRoot(type = "PathBindings")
public class PathBindings {

    /** Prefixed like the process paths' streams: the event store keys streams by id alone. */
    public static final String ID = "path-bindings";

    @AggregateIdentifier
    private String id;
    private final Bindings bindings = new Bindings();

    PathBindings() {
        // for Axon, and as the empty set the first binding starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BindPath command, Clock clock) {
        BindingPolicy.check(command, bindings.bindings().stream()
                .filter(binding -> !binding.sameSlot(command.category(), command.minAmount(), command.maxAmount()))
                .toList());
        apply(new PathBound(command.processKey(), command.category(), command.minAmount(), command.maxAmount(),
                command.boundBy(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BindDefaultPath command, Clock clock) {
        if (id != null) {
            return; // something was bound before: the organisation has chosen
        }
        apply(new PathBound(command.processKey(), null, null, null, null, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnbindPath command, Clock clock) {
        PathBinding bound = bindings.inSlot(command.category(), command.minAmount(), command.maxAmount())
                .orElseThrow(() -> Refusals.notFound("binding.pathBindings.nothingIsBoundToSee", new PathBinding(
                        null, command.category(), command.minAmount(), command.maxAmount()).phrase()));
        apply(new PathUnbound(bound.processKey(), bound.category(), bound.minAmount(), bound.maxAmount(),
                command.unboundBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PathBound event) {
        id = ID;
        bindings.on(event);
    }

    @EventSourcingHandler
    void on(PathUnbound event) {
        bindings.on(event);
    }
}
