package org.mandate.domain.client;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One system client: registered, removed, and registered again if the organisation wants it back. */
@AggregateRoot(type = "SystemClient")
public class SystemClient {

    @AggregateIdentifier
    private String id;
    private boolean registered;

    SystemClient() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterSystemClient command, Clock clock) {
        ClientScopes.check(command);
        if (registered) {
            throw Refusals.conflict("client.systemClient.theClientIsAlreadyRegistered", command.clientId())
                    .with("field", ClientScopes.CLIENT_ID_FIELD);
        }
        apply(new SystemClientRegistered(command.clientId(), command.actsAs(),
                command.scopes().stream().sorted().toList(), command.registeredBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveSystemClient command, Clock clock) {
        if (!registered) {
            throw Refusals.conflict("client.systemClient.theClientIsAlreadyRemoved", command.clientId());
        }
        apply(new SystemClientRemoved(command.clientId(), command.removedBy(), clock.instant()));
    }

    /** Prefixed: the event store keys streams by id alone. */
    static String streamId(String clientId) {
        return "client:" + clientId;
    }

    @EventSourcingHandler
    void on(SystemClientRegistered event) {
        id = streamId(event.clientId());
        registered = true;
    }

    @EventSourcingHandler
    void on(SystemClientRemoved event) {
        registered = false;
    }
}
