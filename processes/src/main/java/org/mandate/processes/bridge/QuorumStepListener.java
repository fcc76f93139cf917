package org.mandate.processes.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.request.OpenQuorumStep;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;

import java.util.Date;

/** The engine created a user task marked as a committee vote: the request opens a vote with the same id. */
class QuorumStepListener implements TaskListener {

    private final CommandGateway commands;
    private final String committee;
    private final String rule;

    QuorumStepListener(CommandGateway commands, String committee, String rule) {
        this.commands = commands;
        this.committee = committee;
        this.rule = rule;
    }

    @Override
    public void notify(DelegateTask task) {
        Date due = task.getDueDate();
        commands.sendAndWait(new OpenQuorumStep(RequestId.of(task.getExecution().getProcessBusinessKey()),
                new StepId(task.getId()), task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
                committee == null || committee.isBlank() ? null : CommitteeId.of(committee.strip()), rule,
                due == null ? null : due.toInstant(), task.getProcessDefinitionId()));
    }
}
