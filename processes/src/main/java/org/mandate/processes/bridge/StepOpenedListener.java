package org.mandate.processes.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.OpenStep;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;

import java.util.Date;

/** The engine created a user task: the request opens a step with the same id. */
class StepOpenedListener implements TaskListener {

    private final CommandGateway commands;

    StepOpenedListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        Date due = task.getDueDate();
        commands.sendAndWait(new OpenStep(RequestId.of(task.getExecution().getProcessBusinessKey()),
                new StepId(task.getId()), task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
                task.getAssignee() == null ? null : PersonId.of(task.getAssignee()),
                due == null ? null : due.toInstant(), task.getProcessDefinitionId()));
    }
}
