package org.mandate.processes.bridge;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.processes.approval.ApprovalPath;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A step sent back keeps its task, its timers stand still while it waits, and the answer gives back the time left. */
class SendBackBridgeTest {

    private static ProcessEngine engine;
    private static SendBackBridge bridge;
    private static ManagementService management;

    @BeforeAll
    static void engine() {
        engine = BareApprovalEngine.start("send-back-bridge-test");
        management = engine.getManagementService();
        bridge = new SendBackBridge(engine.getTaskService(), management);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theTimeLimitStandsStillWhileTheStepWaits_andResumesWithTheTimeLeft() {
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        RequestId request = RequestId.create();
        Task task = firstStepOf(request);
        Job timer = timerOf(task);
        Date due = timer.getDuedate();
        StepId step = new StepId(task.getId());

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(1))));
        MoreInformationRequested asked = new MoreInformationRequested(request, step, PersonId.of("sofia"), null, null,
                "Which supplier?", start.plus(Duration.ofDays(1)));
        bridge.on(asked);
        bridge.on(asked);

        assertThat(timerOf(task).isSuspended()).as("the job executor leaves a suspended timer alone").isTrue();
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(4)))); // past the original due date
        assertThat(management.createJobQuery().executable().active().timers().processInstanceId(
                task.getProcessInstanceId()).count()).as("nothing to fire while it waits").isZero();

        MoreInformationProvided answered = new MoreInformationProvided(request, step, PersonId.of("ana"), "Lab Co",
                null, null, Duration.ofDays(3), null, start.plus(Duration.ofDays(4)));
        bridge.on(answered);
        bridge.on(answered);

        Job resumed = timerOf(task);
        assertThat(resumed.isSuspended()).isFalse();
        assertThat(resumed.getDuedate().toInstant()).as("moved by the three days it waited, once")
                .isEqualTo(due.toInstant().plus(Duration.ofDays(3)));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getDueDate()
                .toInstant()).isEqualTo(task.getDueDate().toInstant().plus(Duration.ofDays(3)));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .as("the step stayed with its holder").isEqualTo("sofia");
    }

    @Test
    void aRequesterWhoLeavesResumesTheTimeLimitAsAnAnswerWould() {
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        RequestId request = RequestId.create();
        Task task = firstStepOf(request);
        Date due = timerOf(task).getDuedate();
        StepId step = new StepId(task.getId());
        bridge.on(new MoreInformationRequested(request, step, PersonId.of("sofia"), null, null, "Which supplier?",
                start));

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(5))));
        RequesterLeftBeforeAnswering left = new RequesterLeftBeforeAnswering(request, step, PersonId.of("ana"),
                PersonId.of("ivy"), Duration.ofDays(5), null, start.plus(Duration.ofDays(5)));
        bridge.on(left);
        bridge.on(left);

        Job resumed = timerOf(task);
        assertThat(resumed.isSuspended()).as("the job executor may fire it again").isFalse();
        assertThat(resumed.getDuedate().toInstant()).as("moved by the five days it waited, once")
                .isEqualTo(due.toInstant().plus(Duration.ofDays(5)));
    }

    /** Starts ana's request of 1500 for equipment on the default path; its first step, held by sofia. */
    private static Task firstStepOf(RequestId request) {
        engine.getRuntimeService().startProcessInstanceByKey(ApprovalPath.DEFAULT_KEY, request.toString(),
                Map.of(ApprovalPath.REQUESTER, "ana", ApprovalPath.CATEGORY, "equipment", ApprovalPath.AMOUNT, 1500.0));
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.toString())
                .singleResult();
    }

    private static Job timerOf(Task task) {
        return management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().singleResult();
    }
}
