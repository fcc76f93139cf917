package org.mandate.processes.validation;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every code a {@link BpmnProblem} or its nested reason can carry, in one place, so that whoever words problems in
 * another language (the app's bundles, {@code bpmn.problem.<code>}) can check it has a sentence for each.
 */
public final class ProblemCodes {

    private static final Set<String> LISTED = Set.of(
            "file.empty", "file.tooLarge", "file.doctype", "file.notWellFormed", "file.unreadable", "file.notBpmn",
            "file.invalidBpmn", "process.noneExecutable", "process.several", "process.badKey", "process.noUserTask",
            "route.undecided", "engine.refused",
            "zeebe.element", "zeebe.attribute", "foreignElement", "unsupportedElement",
            "quorum.assignee", "quorum.noRule", "quorum.noCommittee", "quorum.ruleRefused",
            "committee.unknown", "committee.tooSmall", "committee.ruleMismatch",
            "assignee.missing", "assignee.notRouting", "condition.script", "condition.refused",
            "expression.refused", "expression.notSingle", "expression.nested", "expression.notAllowed",
            "expression.unknownWord", "dueAfter.unknown", "dueAfter.notDuration",
            "timer.refused", "timer.start", "timer.empty", "timer.expression", "timer.cron", "timer.notRepetition",
            "timer.notDuration", "timer.tooShort", "timer.repeatsTooOften", "timer.notDate",
            "dueDate.expression", "dueDate.timer", "followUpDate.expression", "followUpDate.timer",
            "attribute.async", "attribute.unsupported", "extension.unsupported",
            "listener.class", "listener.delegateExpression", "listener.expression");

    /** All codes, sorted: the listed ones and one per refused element, engine attribute and engine element. */
    public static final Set<String> ALL = all();

    private ProblemCodes() {
    }

    static void require(String code) {
        if (!ALL.contains(code)) {
            throw new IllegalArgumentException("Unknown problem code '" + code + "'; list it in ProblemCodes.");
        }
    }

    private static Set<String> all() {
        Set<String> all = new TreeSet<>(LISTED);
        Walker.REFUSED.keySet().forEach(type -> all.add("element." + type));
        CamundaExtensions.REFUSED_ATTRIBUTES.keySet().forEach(name -> all.add("attribute." + name));
        CamundaExtensions.REFUSED_ELEMENTS.keySet().forEach(name -> all.add("extension." + name));
        return java.util.Collections.unmodifiableSet(all);
    }
}
