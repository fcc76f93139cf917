package org.mandate.processes.bridge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mandate.domain.request.CompleteRequest;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.processes.approval.ApprovalPath;

/** The approval path reached its end: the request is approved or rejected by the last decision on it. */
class PathEndedListener implements ExecutionListener {

    private final CommandGateway commands;

    PathEndedListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Object outcome = execution.getVariable(ApprovalPath.OUTCOME);
        commands.sendAndWait(new CompleteRequest(RequestId.of(execution.getProcessBusinessKey()),
                Outcome.REJECTED.name().equals(outcome) ? Outcome.REJECTED : Outcome.APPROVED));
    }
}
