package org.mandate.processes.bridge;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.NativeExecutionQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
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
    private final CommandExecutor engine;

    public EngineBridge(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
        // the services' own executor: the engine's interceptors (Spring transaction, command context) around a
        // command that checks and acts in one go
        this.engine = ((ServiceImpl) tasks).getCommandExecutor();
    }

    /**
     * The check and the start run as one engine command: one command context, so the two cost one round of the
     * engine's interceptors instead of two (a tenth of a submission's time, measured in the bench's profile). The
     * check is a native query: the engine's process instance query builds its SQL from some fifty conditions, each
     * tested through MyBatis' OGNL reflection, and that was a sixth of Mandate's engine time per approval on
     * PostgreSQL in the bench's profile (docs/benchmarks.md).
     */
    @EventHandler
    void on(RequestSubmitted event) {
        String businessKey = event.requestId().toString();
        ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
                .createProcessInstanceByKey(engine, event.processKey())
                .businessKey(businessKey)
                .setVariables(Map.of(
                        ApprovalPath.REQUESTER, event.requester().value(),
                        ApprovalPath.CATEGORY, event.category(),
                        ApprovalPath.AMOUNT, event.amount().doubleValue(),
                        ApprovalPath.EXACT_AMOUNT, Variables.stringValue(event.amount().toPlainString(), true)));
        engine.execute(context -> {
            long existing = new NativeExecutionQueryImpl(context)
                    .sql("select count(*) from " + context.getProcessEngineConfiguration().getDatabaseTablePrefix()
                            + "ACT_RU_EXECUTION where BUSINESS_KEY_ = #{businessKey} and PARENT_ID_ is null")
                    .parameter("businessKey", businessKey).count();
            if (existing > 0) {
                return null;
            }
            return new StartProcessInstanceCmd(start).execute(context);
        });
    }

    /** Finding the task and completing it is one engine command; the completion finds the task in its cache. */
    @EventHandler
    void on(StepDecided event) {
        complete(event.stepId(), event.outcome());
    }

    /** The aggregate decided the committee vote: the engine's one task for it completes with that outcome. */
    @EventHandler
    void on(QuorumMet event) {
        complete(event.stepId(), Outcome.APPROVED);
    }

    @EventHandler
    void on(QuorumFailed event) {
        complete(event.stepId(), Outcome.REJECTED);
    }

    private void complete(StepId stepId, Outcome outcome) {
        String taskId = stepId.value();
        Map<String, Object> variables = Map.of(ApprovalPath.OUTCOME, outcome.name());
        engine.execute(context -> context.getTaskManager().findTaskById(taskId) == null
                ? null : new CompleteTaskCmd(taskId, variables).execute(context));
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
