package org.mandate.processes.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.mandate.domain.request.EscalateStep;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;

/**
 * A step's time-limit timer fired: the request escalates that step. Whether and where it goes is the
 * aggregate's rule; this only names the step and the limit that passed.
 */
class TimeLimitListener implements ExecutionListener {

    private final CommandGateway commands;
    private final String userTaskId;
    private final String limit;

    TimeLimitListener(CommandGateway commands, String userTaskId, String limit) {
        this.commands = commands;
        this.userTaskId = userTaskId;
        this.limit = limit;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RequestId request = RequestId.of(execution.getProcessBusinessKey());
        for (Task task : execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(userTaskId).list()) {
            commands.sendAndWait(new EscalateStep(request, new StepId(task.getId()), null,
                    "Open longer than its time limit (" + limit + ")"));
        }
    }
}
