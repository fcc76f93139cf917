package org.mandate.processes.approval;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;

import java.util.Map;
import java.util.Set;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** The default approval path on a bare engine: who gets which step, and where a decision leads. */
@Deployment(resources = "bpmn/approval.bpmn")
class ApprovalPathTest {

    /** A slice of the demo school: ana reports to sofia (2000), sofia to vera (10000); fay does finance. */
    private static final Directory SCHOOL = new PeopleDirectory(
            person("vera", null, Authority.upTo(10_000)),
            person("sofia", "vera", Authority.upTo(2_000)),
            person("ana", "sofia", Authority.none()),
            new Person(PersonId.of("fay"), "fay", null, Set.of(Role.FINANCE), Authority.none(), true));

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    @Test
    void aSmallRequestNeedsOnlyTheManagersApproval() {
        ProcessInstance path = start(1500);

        assertThat(path).isWaitingAt("managerApproval");
        assertThat(task()).isAssignedTo("sofia");
        complete(task(), withVariables(ApprovalPath.OUTCOME, "APPROVED"));
        assertThat(path).hasPassedInOrder("managerApproval", "approved").isEnded();
    }

    @Test
    void aLargeRequestGoesToTheFinanceOfficerAfterApproval() {
        ProcessInstance path = start(8000);

        assertThat(path).isWaitingAt("managerApproval");
        assertThat(task()).isAssignedTo("vera");
        complete(task(), withVariables(ApprovalPath.OUTCOME, "APPROVED"));
        assertThat(path).isWaitingAt("financeCheck");
        assertThat(task()).isAssignedTo("fay");
        complete(task(), withVariables(ApprovalPath.OUTCOME, "APPROVED"));
        assertThat(path).hasPassedInOrder("managerApproval", "financeCheck", "approved").isEnded();
    }

    @Test
    void aRejectionAtAnyStepEndsThePathAsRejected() {
        ProcessInstance early = start(8000);
        complete(task(early), withVariables(ApprovalPath.OUTCOME, "REJECTED"));
        assertThat(early).hasPassed("rejected").hasNotPassed("financeCheck").isEnded();

        ProcessInstance late = start(8000);
        complete(task(late), withVariables(ApprovalPath.OUTCOME, "APPROVED"));
        complete(task(late), withVariables(ApprovalPath.OUTCOME, "REJECTED"));
        assertThat(late).hasPassedInOrder("managerApproval", "financeCheck", "rejected").isEnded();
    }

    @Test
    void eachStepHasATimeLimitWhoseTimerLeavesTheStepOpen() {
        ProcessInstance path = start(1500);
        Job limit = managementService().createJobQuery().processInstanceId(path.getId()).timers().singleResult();
        org.assertj.core.api.Assertions.assertThat(task(path).getDueDate())
                .as("the step falls due when its time limit fires").isCloseTo(limit.getDuedate(), 5_000);

        execute(limit);

        assertThat(path).isWaitingAt("managerApproval").hasPassed("approvalLate");
        assertThat(task(path)).isAssignedTo("sofia");
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery()
                .processInstanceId(path.getId()).timers().count()).as("the next time limit is set").isEqualTo(1);
        complete(task(path), withVariables(ApprovalPath.OUTCOME, "APPROVED"));
        assertThat(path).hasPassed("approved").isEnded();
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery()
                .processInstanceId(path.getId()).count()).isZero();
    }

    private static ProcessInstance start(long amount) {
        return runtimeService().startProcessInstanceByKey(ApprovalPath.DEFAULT_KEY, Map.of(
                ApprovalPath.REQUESTER, "ana", ApprovalPath.CATEGORY, "equipment",
                ApprovalPath.AMOUNT, (double) amount));
    }

    private static Person person(String id, String manager, Authority authority) {
        return new Person(PersonId.of(id), id, manager == null ? null : PersonId.of(manager), Set.of(), authority,
                true);
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:approval-path-test;DB_CLOSE_DELAY=-1");
        // full history here only so the test can check the path taken; the app runs with none
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of(ApprovalPath.ROUTING_BEAN, new StepRouting(SCHOOL)));
        return configuration.buildProcessEngine();
    }
}
