package org.mandate.processes.bridge;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.request.CompleteRequest;
import org.mandate.domain.request.OpenQuorumStep;
import org.mandate.domain.request.OpenStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepId;
import org.mandate.processes.approval.ApprovalPath;
import org.mandate.processes.approval.StepRouting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's committee path on a bare engine with Mandate's parse listener: the marked task opens a committee vote
 * (one engine task, no assignee), and the aggregate's QuorumMet or QuorumFailed moves the engine on, once.
 */
class CommitteePathTest {

    /** fay does the finance check; nobody else matters on this path. */
    private static final Directory FINANCE = new Directory() {
        @Override
        public Optional<Person> find(PersonId id) {
            return Optional.of(new Person(id, id.value(), null, id.value().equals("fay") ? Set.of(Role.FINANCE)
                    : Set.of(), Authority.none(), true));
        }

        @Override
        public List<Person> withRole(Role role) {
            return role == Role.FINANCE ? List.of(find(PersonId.of("fay")).orElseThrow()) : List.of();
        }

        @Override
        public List<Person> reportingTo(PersonId manager) {
            return List.of();
        }
    };

    private static final List<Object> SENT = new CopyOnWriteArrayList<>();
    private static ProcessEngine engine;
    private static EngineBridge bridge;

    @BeforeAll
    static void engine() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> command : List.of(OpenStep.class, OpenQuorumStep.class, CompleteRequest.class)) {
            bus.subscribe(command.getName(), message -> {
                SENT.add(message.getPayload());
                return null;
            });
        }
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:committee-path-test;DB_CLOSE_DELAY=-1");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new EngineFactsPlugin(commands,
                Map.of(ApprovalPath.ROUTING_BEAN, new StepRouting(FINANCE))));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/committee-approval.bpmn")
                .deploy();
        bridge = new EngineBridge(engine.getRuntimeService(), engine.getTaskService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @BeforeEach
    void forget() {
        SENT.clear();
    }

    @Test
    void theMarkedTaskOpensACommitteeVoteWithItsRule() {
        RequestSubmitted submitted = submitted();
        bridge.on(submitted);

        Task vote = taskOf(submitted);
        assertThat(vote.getTaskDefinitionKey()).isEqualTo("committeeVote");
        assertThat(vote.getAssignee()).as("the voters come from the committee, not the engine").isNull();
        assertThat(SENT).singleElement().isInstanceOfSatisfying(OpenQuorumStep.class, open -> {
            assertThat(open.stepId()).isEqualTo(new StepId(vote.getId()));
            assertThat(open.committee()).isEqualTo(CommitteeId.of("budget-committee"));
            assertThat(open.rule()).isEqualTo("2 of 3");
            assertThat(open.name()).isEqualTo("Budget committee vote");
        });
    }

    @Test
    void aQuorumMetTwiceMovesThePathOnOnceToTheFinanceCheck() {
        RequestSubmitted submitted = submitted();
        bridge.on(submitted);
        StepId vote = new StepId(taskOf(submitted).getId());
        QuorumMet met = new QuorumMet(submitted.requestId(), vote, "2 of 3",
                List.of(PersonId.of("vera"), PersonId.of("omar")), Instant.now());

        bridge.on(met);
        bridge.on(met);

        Task next = taskOf(submitted);
        assertThat(next.getTaskDefinitionKey()).isEqualTo("financeCheck");
        assertThat(next.getAssignee()).isEqualTo("fay");
        assertThat(SENT.stream().filter(OpenStep.class::isInstance).count()).isEqualTo(1);
    }

    @Test
    void aFailedQuorumEndsThePathAsRejected() {
        RequestSubmitted submitted = submitted();
        bridge.on(submitted);
        StepId vote = new StepId(taskOf(submitted).getId());

        bridge.on(new QuorumFailed(submitted.requestId(), vote, "2 of 3", List.of(PersonId.of("vera"),
                PersonId.of("pat")), "2 rejected", Instant.now()));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.requestId().toString()).count()).isZero();
        assertThat(SENT).filteredOn(CompleteRequest.class::isInstance).singleElement()
                .isEqualTo(new CompleteRequest(submitted.requestId(), Outcome.REJECTED));
    }

    private static Task taskOf(RequestSubmitted submitted) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(submitted.requestId().toString())
                .singleResult();
    }

    private static RequestSubmitted submitted() {
        return new RequestSubmitted(RequestId.create(), "Science wing", "building", BigDecimal.valueOf(60_000), "EUR",
                null, PersonId.of("ana"), "committee-approval", Instant.now());
    }
}
