package org.mandate.processes.bridge;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepId;
import org.mandate.processes.approval.ApprovalPath;
import org.mandate.processes.approval.StepRouting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge on a bare engine: each handler moves the engine once, however often the event reaches it. */
class EngineBridgeTest {

    /** ana reports to sofia; everyone else may approve up to 10000. */
    private static final Directory TEAM = new Directory() {
        @Override
        public Optional<Person> find(PersonId id) {
            return Optional.of(id.value().equals("ana")
                    ? new Person(id, "ana", PersonId.of("sofia"), Set.of(), Authority.none(), true)
                    : new Person(id, id.value(), null, Set.of(), Authority.upTo(10_000), true));
        }

        @Override
        public List<Person> withRole(Role role) {
            return List.of();
        }

        @Override
        public List<Person> reportingTo(PersonId manager) {
            return manager.value().equals("sofia") ? List.of(find(PersonId.of("ana")).orElseThrow()) : List.of();
        }
    };

    private static ProcessEngine engine;
    private static EngineBridge bridge;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:engine-bridge-test;DB_CLOSE_DELAY=-1");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of(ApprovalPath.ROUTING_BEAN, new StepRouting(TEAM)));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/approval.bpmn").deploy();
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
