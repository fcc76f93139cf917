package org.mandate.processes.bridge;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepId;
import org.mandate.processes.approval.ApprovalPath;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge on a bare engine: each handler moves the engine once, however often the event reaches it. */
class EngineBridgeTest {

    private static ProcessEngine engine;
    private static EngineBridge bridge;

    @BeforeAll
    static void engine() {
        engine = BareApprovalEngine.start("engine-bridge-test");
        bridge = new EngineBridge(engine.getRuntimeService(), engine.getTaskService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aSubmissionDeliveredTwiceStartsOneInstance() {
        RequestSubmitted submitted = submitted();

        bridge.on(submitted);
        bridge.on(submitted);

        String key = submitted.requestId().toString();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
                .isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult()
                .getAssignee()).isEqualTo("sofia");
    }

    @Test
    void aDecisionDeliveredTwiceCompletesTheTaskOnceAndEndsThePath() {
        RequestSubmitted submitted = submitted();
        bridge.on(submitted);
        String key = submitted.requestId().toString();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
        StepDecided decided = new StepDecided(submitted.requestId(), new StepId(task.getId()), Outcome.APPROVED,
                PersonId.of("sofia"), null, null, "fine", Instant.now());

        bridge.on(decided);
        bridge.on(decided);

        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
                .as("one manager approval ends a small request's path").isZero();
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(RequestId.create(), "Microscope", "equipment", BigDecimal.valueOf(1500), "EUR",
                null, PersonId.of("ana"), ApprovalPath.DEFAULT_KEY, Instant.now());
    }
}
