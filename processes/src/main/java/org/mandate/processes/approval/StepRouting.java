package org.mandate.processes.approval;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.ApprovalRouting;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;

/**
 * Exposed to BPMN expressions as {@value ApprovalPath#ROUTING_BEAN}: maps the path's variables to the domain's
 * routing rule, and nothing more.
 */
public class StepRouting {

    private final Directory directory;

    public StepRouting(Directory directory) {
        this.directory = directory;
    }

    /** The lowest manager above the requester whose authority covers the request. */
    public String approverFor(VariableScope execution) {
        return routing().firstApprover(requester(execution), (String) execution.getVariable(ApprovalPath.CATEGORY),
                amount(execution)).id().value();
    }

    /** Who does the finance check on this request. */
    public String financeCheckerFor(VariableScope execution) {
        return routing().financeChecker(requester(execution)).id().value();
    }

    /**
     * When a step opening now falls due, e.g. {@code ${routing.dueAfter('P2D')}}: on the engine's clock, the same
     * clock its time-limit timers run on.
     */
    public Date dueAfter(String isoDuration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(isoDuration)));
    }

    private ApprovalRouting routing() {
        return new ApprovalRouting(directory);
    }

    private static PersonId requester(VariableScope execution) {
        return PersonId.of((String) execution.getVariable(ApprovalPath.REQUESTER));
    }

    /** Exact in the transaction that started the path; a step routed later reads the engine's double. */
    private static BigDecimal amount(VariableScope execution) {
        if (execution.getVariable(ApprovalPath.EXACT_AMOUNT) instanceof String exact) {
            return new BigDecimal(exact);
        }
        return BigDecimal.valueOf(((Number) execution.getVariable(ApprovalPath.AMOUNT)).doubleValue());
    }
}
