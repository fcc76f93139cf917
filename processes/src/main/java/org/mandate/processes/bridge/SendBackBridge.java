package org.mandate.processes.bridge;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.processes.approval.ApprovalPath;

import java.util.Date;

/**
 * Pauses a step's time limit while it waits for the requester's answer, on any path (docs/adr/0019-send-back.md).
 * The user task stays open and assigned: the step stays its holder's. Its timers (those on its border run on the
 * task's own execution) are suspended, so the job executor never picks them up; the answer moves their due dates by
 * the pause, measured on the engine's own clock, and activates them again, so the holder gets back the time that
 * was left; so does the requester's departure (nobody is left to answer). Handlers are safe to run twice: the pause's start is kept on the task and cleared on resume.
 */
@ProcessingGroup(EngineBridge.PROCESSING_GROUP)
public class SendBackBridge {

    private final TaskService tasks;
    private final ManagementService management;

    public SendBackBridge(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.management = management;
    }

    @EventHandler
    void on(MoreInformationRequested event) {
        Task task = tasks.createTaskQuery().taskId(event.stepId().value()).singleResult();
        if (task == null || tasks.getVariableLocal(task.getId(), ApprovalPath.PAUSED_AT) != null) {
            return;
        }
        tasks.setVariableLocal(task.getId(), ApprovalPath.PAUSED_AT, ClockUtil.getCurrentTime());
        for (Job timer : management.createJobQuery().executionId(task.getExecutionId()).timers().active().list()) {
            management.suspendJobById(timer.getId());
        }
    }

    @EventHandler
    void on(MoreInformationProvided event) {
        resume(event.stepId().value());
    }

    /** Nobody is left to answer: the step resumes as an answer would resume it. */
    @EventHandler
    void on(RequesterLeftBeforeAnswering event) {
        resume(event.stepId().value());
    }

    private void resume(String stepId) {
        Task task = tasks.createTaskQuery().taskId(stepId).singleResult();
        Object pausedAt = task == null ? null : tasks.getVariableLocal(task.getId(), ApprovalPath.PAUSED_AT);
        if (!(pausedAt instanceof Date since)) {
            return;
        }
        long paused = Math.max(0, ClockUtil.getCurrentTime().getTime() - since.getTime());
        for (Job timer : management.createJobQuery().executionId(task.getExecutionId()).timers().suspended()
                .list()) {
            if (timer.getDuedate() != null) {
                management.setJobDuedate(timer.getId(), new Date(timer.getDuedate().getTime() + paused));
            }
            management.activateJobById(timer.getId());
        }
        if (task.getDueDate() != null) {
            task.setDueDate(new Date(task.getDueDate().getTime() + paused));
            tasks.saveTask(task);
        }
        tasks.removeVariableLocal(task.getId(), ApprovalPath.PAUSED_AT);
    }
}
