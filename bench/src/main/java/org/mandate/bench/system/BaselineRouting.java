package org.mandate.bench.system;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Duration;
import java.util.Date;

/**
 * The trivial {@code routing} bean the baseline engine gives approval.bpmn: the answers Mandate's routing rule
 * gives for the demo school's ana, without a directory behind them. A variable {@value #APPROVER} overrides it,
 * to spread the inbox benchmark's steps over many people.
 */
public class BaselineRouting {

    public static final String APPROVER = "approver";

    public String approverFor(VariableScope execution) {
        Object approver = execution.getVariable(APPROVER);
        if (approver != null) {
            return (String) approver;
        }
        return ((Number) execution.getVariable("amount")).doubleValue() < 2000 ? "sofia" : "vera";
    }

    public String financeCheckerFor(VariableScope execution) {
        return "fay";
    }

    /** A step's due date, as Mandate's routing bean gives it: on the engine's clock. */
    public Date dueAfter(String isoDuration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(isoDuration)));
    }
}
