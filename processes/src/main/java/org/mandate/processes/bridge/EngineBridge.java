package org.mandate.processes.bridge;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.StepReassigned;
import org.mandate.processes.approval.ApprovalPath;

import java.util.Map;

/** Moves the engine when the event store records a fact. Every handler is safe to run twice. */
@ProcessingGroup(EngineBridge.PROCESSING_GROUP)
public class EngineBridge {

    public static final String PROCESSING_GROUP = "engine-bridge";

    private final RuntimeService runtime;
    private final TaskService tasks;

    public EngineBridge(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventHandler
    void on(RequestSubmitted event) {
        String businessKey = event.requestId().toString();
        if (instanceFor(businessKey) != null) {
            return;
        }
        runtime.startProcessInstanceByKey(event.processKey(), businessKey, Map.of(
                ApprovalPath.REQUESTER, event.requester().value(),
                ApprovalPath.CATEGORY, event.category(),
                ApprovalPath.AMOUNT, event.amount().doubleValue()));
    }

    @EventHandler
    void on(StepDecided event) {
        String taskId = event.stepId().value();
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return;
        }
        tasks.complete(taskId, Map.of(ApprovalPath.OUTCOME, event.outcome().name()));
    }

    /** The engine task's assignee is always whoever decides the step now: lent, escalated or handed over. */
    @EventHandler
    void on(StepDelegated event) {
        assign(event.stepId(), event.to().value());
    }

    @EventHandler
    void on(StepDelegationRecalled event) {
        assign(event.stepId(), event.by().value());
    }

    @EventHandler
    void on(StepEscalated event) {
        assign(event.stepId(), event.to().value());
    }

    @EventHandler
    void on(StepReassigned event) {
        assign(event.stepId(), event.to().value());
    }

    private void assign(StepId stepId, String assignee) {
        if (tasks.createTaskQuery().taskId(stepId.value()).count() > 0) {
            tasks.setAssignee(stepId.value(), assignee);
        }
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        ProcessInstance instance = instanceFor(event.requestId().toString());
        if (instance != null) {
            // custom listeners are skipped: a withdrawn request must not report the path as completed
            runtime.deleteProcessInstance(instance.getId(), "withdrawn by " + event.by(), true, true);
        }
    }

    private ProcessInstance instanceFor(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }
}
