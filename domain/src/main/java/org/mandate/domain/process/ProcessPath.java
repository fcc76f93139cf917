package org.mandate.domain.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One approval path (a process key) and the versions deployed of it. Versions are recorded in the engine's order,
 * each once: recording the same version again is a no-op, so a restart or a second node can safely re-record.
 */
@AggregateRoot(type = "ProcessPath")
public class ProcessPath {

    @AggregateIdentifier
    private String id;
    private int latest;
    private final Map<Integer, String> definitions = new HashMap<>();

    ProcessPath() {
        // for Axon, and as the empty path a first deployment starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeployProcess command, Clock clock) {
        DeploymentPolicy.check(command);
        String recorded = definitions.get(command.version());
        if (recorded != null) {
            if (recorded.equals(command.engineDefinitionId())) {
                return;
            }
            throw Refusals.conflict("process.processPath.versionOfIsAlreadyRecorded",
                    command.version(), command.processKey());
        }
        if (command.version() != latest + 1) {
            throw Refusals.conflict("process.processPath.theNextVersionOfIs",
                    command.processKey(), (latest + 1), command.version());
        }
        apply(new ProcessDeployed(command.processKey(), command.version(), command.engineDefinitionId(),
                command.deployedBy(), clock.instant(), command.checksum()));
    }

    static String streamId(String processKey) {
        return "process-path:" + processKey;
    }

    @EventSourcingHandler
    void on(ProcessDeployed event) {
        id = streamId(event.processKey());
        latest = event.version();
        definitions.put(event.version(), event.engineDefinitionId());
    }
}
