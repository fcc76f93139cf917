package org.mandate.processes.departure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.mandate.EndMandateOnDeparture;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;
import org.mandate.domain.request.ReassignStep;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.processes.bridge.EngineBridge;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When someone leaves, every step the engine has assigned to them moves to their successor, and every mandate
 * they gave or hold ends. Runs with the bridge, in the departure's own transaction: the departure is recorded
 * with all of its consequences or not at all. The engine's assignee is the step's current decider, so the
 * engine's task list is the complete list of the leaver's open steps.
 */
@ProcessingGroup(EngineBridge.PROCESSING_GROUP)
public class DepartureHandover {

    private final CommandGateway commands;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Mandates mandates;
    private final Clock clock;

    public DepartureHandover(CommandGateway commands, TaskService tasks, RuntimeService runtime, Mandates mandates,
                             Clock clock) {
        this.commands = commands;
        this.tasks = tasks;
        this.runtime = runtime;
        this.mandates = mandates;
        this.clock = clock;
    }

    @EventHandler
    void on(PersonLeft event) {
        String reason = event.personId() + " left; " + event.successor() + " takes over";
        for (Task task : tasks.createTaskQuery().taskAssignee(event.personId().value()).list()) {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            if (instance == null || instance.getBusinessKey() == null) {
                continue;
            }
            commands.sendAndWait(new ReassignStep(RequestId.of(instance.getBusinessKey()), new StepId(task.getId()),
                    event.personId(), event.successor(), reason));
        }
        Map<String, MandateTerms> theirs = new LinkedHashMap<>();
        mandates.grantedBy(event.personId()).forEach(mandate -> theirs.put(mandate.id().toString(), mandate));
        mandates.heldBy(event.personId()).forEach(mandate -> theirs.put(mandate.id().toString(), mandate));
        theirs.values().stream()
                .filter(mandate -> mandate.liveAt(clock.instant()))
                .forEach(mandate -> commands.sendAndWait(new EndMandateOnDeparture(mandate.id(), event.personId(),
                        event.recordedBy())));
    }
}
