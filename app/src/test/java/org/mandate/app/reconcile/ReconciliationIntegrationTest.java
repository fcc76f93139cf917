package org.mandate.app.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Authority;
import org.mandate.processes.approval.ApprovalPath;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler finds nothing when engine and events agree, and names each disagreement when they do not. */
class ReconciliationIntegrationTest extends MandateIntegrationTest {

    @Autowired
    Reconciler reconciler;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    @Test
    void findsNoMismatchForRequestsThatWentThroughTheApi() {
        String open = as("ana").submit("Beakers", "supplies", 120);
        String approved = as("ana").submit("Pipettes", "supplies", 90);
        as("sofia").post(decision(approved, openStep(as("ana"), approved)), Map.of("outcome", "APPROVED"));
        String withdrawn = as("ben").submit("Clay", "supplies", 60);
        as("ben").post("/api/requests/" + withdrawn + "/withdrawal", Map.of());

        Reconciler.Report report = reconciler.reconcile();

        assertThat(report.requestsChecked()).isGreaterThanOrEqualTo(3);
        assertThat(about(report, open, approved, withdrawn)).isEmpty();
    }

    @Test
    void followsAStepLentRecalledAndEscalatedToWhoeverDecidesItNow() {
        String id = as("ana").submit("Fume hood", "equipment", 900);
        String step = openStep(as("ana"), id);
        String steps = "/api/requests/" + id + "/steps/" + step;

        assertThat(as("sofia").post(steps + "/delegation", Map.of("to", "liam")).status()).isEqualTo(200);
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
        assertThat(as("sofia").delete(steps + "/delegation").status()).isEqualTo(200);
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
        assertThat(as("sofia").post(steps + "/escalation", Map.of("reason", "My own team benefits")).status())
                .isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(step).singleResult().getAssignee()).isEqualTo("vera");
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
    }

    @Test
    void namesAStepSentBackWhoseTimersStillRun_andOneWhoseTimersStandStillWithoutReason() {
        String id = as("ana").submit("Reconciled kiln", "equipment", 800);
        String step = openStep(as("ana"), id);
        String processInstance = tasks.createTaskQuery().taskId(step).singleResult().getProcessInstanceId();
        Job timer = management.createJobQuery().processInstanceId(processInstance).timers().singleResult();

        management.suspendJobById(timer.getId()); // stopped, though nobody sent the step back
        try {
            assertThat(about(reconciler.reconcile(), id)).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.PAUSE_DIFFERS);
                assertThat(mismatch.detail()).contains(step, "not waiting", "stand still");
            });
        } finally {
            management.activateJobById(timer.getId());
        }
        assertThat(as("sofia").post("/api/requests/" + id + "/steps/" + step + "/return",
                Map.of("question", "Which kiln?")).status()).isEqualTo(200);
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
        tasks.removeVariableLocal(step, ApprovalPath.PAUSED_AT); // the engine forgets the pause
        try {
            assertThat(about(reconciler.reconcile(), id)).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.PAUSE_DIFFERS);
                assertThat(mismatch.detail()).contains(step, "waits for the requester's answer");
            });
        } finally {
            as("ana").post("/api/requests/" + id + "/withdrawal", Map.of());
        }
    }

    @Test
    void namesAStepWhoseEngineTaskWentToSomeoneElse() {
        String id = as("ana").submit("Tripod", "equipment", 300);
        String step = openStep(as("ana"), id);
        tasks.setAssignee(step, "liam");
        try {
            assertThat(about(reconciler.reconcile(), id)).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.ASSIGNEE_DIFFERS);
                assertThat(mismatch.detail()).contains(step, "sofia", "liam");
            });
        } finally {
            tasks.setAssignee(step, "sofia");
        }
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
    }

    @Test
    void namesARequestInReviewWhosePathNoLongerRuns() {
        String id = as("ana").submit("Kiln", "equipment", 700);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        runtime.deleteProcessInstance(instance, "lost by the test", true, true);

        assertThat(about(reconciler.reconcile(), id)).extracting(Mismatch::kind)
                .containsExactly(Mismatch.Kind.NO_RUNNING_PATH);

        // withdrawing closes the request, which then agrees with the engine again
        assertThat(as("ana").post("/api/requests/" + id + "/withdrawal", Map.of()).status()).isEqualTo(200);
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
    }

    @Test
    void namesAStepHeldOrLentOutBySomeoneWhoLeft() {
        String head = "head-" + UUID.randomUUID().toString().substring(0, 8);
        String teacher = "teacher-" + head;
        join(head, head, "vera", Set.of(), Authority.upTo(2_000));
        join(teacher, teacher, head, Set.of(), Authority.none());
        String held = as(teacher).submit("Globe", "supplies", 80);
        String lent = as(teacher).submit("Atlas", "supplies", 40);
        String lentStep = openStep(as(teacher), lent);
        assertThat(as(head).post("/api/requests/" + lent + "/steps/" + lentStep + "/delegation",
                Map.of("to", "liam")).status()).isEqualTo(200);

        // as a departure recorded before departures handed every step on would have left the directory
        jdbc.update("update directory_person set active = ? where id = ?", false, head);

        assertThat(about(reconciler.reconcile(), held)).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.kind()).isEqualTo(Mismatch.Kind.STEP_HELD_BY_INACTIVE);
            assertThat(mismatch.detail()).contains("with " + head + ", who has left", "escalate");
        });
        assertThat(about(reconciler.reconcile(), lent)).singleElement().satisfies(mismatch ->
                assertThat(mismatch.detail()).contains("lent out by " + head));
        as(teacher).post("/api/requests/" + held + "/withdrawal", Map.of());
        as(teacher).post("/api/requests/" + lent + "/withdrawal", Map.of());
        assertThat(about(reconciler.reconcile(), held, lent)).isEmpty();
    }

    @Test
    void administratorsReadTheReportOverHttpAndOthersMayNot() {
        String id = as("ana").submit("Whiteboard", "equipment", 150);

        Api.Response report = as("ivy").get("/api/admin/reconciliation");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("requestsChecked").asInt()).isGreaterThanOrEqualTo(1);
        for (JsonNode mismatch : report.json().path("mismatches")) {
            assertThat(mismatch.path("requestId").asText()).isNotEqualTo(id);
        }

        Api.Response refused = as("ana").get("/api/admin/reconciliation");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }

    /** A committee vote is one engine task with no assignee until the quorum moves the path on (issue 22). */
    @Test
    void aCommitteeVoteAgreesWithItsUnassignedTaskBeforeAndAfterTheQuorum() {
        String id = as("ana").submit("Planetarium dome", "building", 70_000);
        String vote = openStep(as("ana"), id);
        assertThat(tasks.createTaskQuery().taskId(vote).singleResult().getAssignee()).isNull();
        assertThat(about(reconciler.reconcile(), id)).isEmpty();

        as("vera").post(decision(id, vote), Map.of("outcome", "APPROVED"));
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
        as("pat").post(decision(id, vote), Map.of("outcome", "APPROVED"));
        assertThat(tasks.createTaskQuery().taskId(vote).count()).as("the quorum completed the task").isZero();
        assertThat(about(reconciler.reconcile(), id)).isEmpty();

        String check = openStep(as("ana"), id);
        tasks.setAssignee(check, "liam");
        assertThat(about(reconciler.reconcile(), id)).extracting(Mismatch::kind)
                .containsExactly(Mismatch.Kind.ASSIGNEE_DIFFERS);
        tasks.setAssignee(check, "fay");
        assertThat(about(reconciler.reconcile(), id)).isEmpty();
    }

    private static List<Mismatch> about(Reconciler.Report report, String... requestIds) {
        List<String> ids = List.of(requestIds);
        return report.mismatches().stream().filter(mismatch -> ids.contains(mismatch.requestId())).toList();
    }

    private static String decision(String requestId, String stepId) {
        return "/api/requests/" + requestId + "/steps/" + stepId + "/decision";
    }
}
