package org.mandate.processes.validation;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.committee.CommitteeFacts;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.request.QuorumRule;
import org.mandate.processes.approval.ApprovalPath;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user task's Mandate marks (camunda:property mandate:quorum and mandate:committee), and whether the committee as
 * it stands can satisfy the rule: a vote that could never be met is refused when the path is deployed, not when a
 * request reaches it. (The step checks again when it opens; committees change.)
 */
final class QuorumMarks {

    private QuorumMarks() {
    }

    static Map<String, String> of(Element userTask) {
        Map<String, String> marks = new HashMap<>();
        for (Element extensions : children(userTask, Namespaces.BPMN, "extensionElements")) {
            for (Element list : children(extensions, Namespaces.CAMUNDA, "properties")) {
                for (Element property : children(list, Namespaces.CAMUNDA, "property")) {
                    String name = property.getAttribute("name");
                    if (name.startsWith("mandate:")) {
                        marks.put(name, property.getAttribute("value"));
                    }
                }
            }
        }
        return marks;
    }

    /** Why the rule on this task cannot be used, if it cannot: it does not parse, or names nothing to vote. */
    static Optional<Said> ruleProblem(Map<String, String> marks) {
        try {
            QuorumRule rule = QuorumRule.parse(marks.get(ApprovalPath.QUORUM_PROPERTY));
            String committee = marks.getOrDefault(ApprovalPath.COMMITTEE_PROPERTY, "").strip();
            if (committee.isEmpty() && rule.kind() != QuorumRule.Kind.ONE_FROM_EACH) {
                return Optional.of(Said.of("quorum.noCommittee", "is a committee vote (" + ApprovalPath.QUORUM_PROPERTY
                        + ") but names no committee; add the extension property " + ApprovalPath.COMMITTEE_PROPERTY
                        + " with the committee's id"));
            }
            return Optional.empty();
        } catch (RuleViolation refused) {
            // the rule's own reason comes from the domain, in English
            return Optional.of(Said.of("quorum.ruleRefused", "has a quorum rule that is refused: "
                    + refused.getMessage(), refused.getMessage()));
        }
    }

    /** Problems of every committee vote in the process against the committees as they stand. */
    static List<BpmnProblem> check(Element process, Committees committees) {
        List<BpmnProblem> problems = new ArrayList<>();
        NodeList tasks = process.getElementsByTagNameNS(Namespaces.BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            Map<String, String> marks = of(task);
            if (!marks.containsKey(ApprovalPath.QUORUM_PROPERTY) || ruleProblem(marks).isPresent()) {
                continue;
            }
            String id = task.getAttribute("id");
            String name = task.getAttribute("name").isBlank() ? id : task.getAttribute("name");
            String label = "The user task '" + name + "' ";
            QuorumRule rule = QuorumRule.parse(marks.get(ApprovalPath.QUORUM_PROPERTY));
            String committee = marks.getOrDefault(ApprovalPath.COMMITTEE_PROPERTY, "").strip();
            if (!committee.isEmpty()) {
                problem(committees, CommitteeId.of(committee), rule).ifPresent(why ->
                        problems.add(new BpmnProblem(id, label + why.text() + ".", why.code(), "userTask", name,
                                why.args(), null)));
            }
            for (CommitteeId group : rule.groups()) {
                problem(committees, group, QuorumRule.parse("any")).ifPresent(why ->
                        problems.add(new BpmnProblem(id, label + why.text() + ".", why.code(), "userTask", name,
                                why.args(), null)));
            }
        }
        return problems;
    }

    private static Optional<Said> problem(Committees committees, CommitteeId id, QuorumRule rule) {
        Optional<CommitteeFacts> found = committees.sitting(id);
        if (found.isEmpty()) {
            return Optional.of(Said.of("committee.unknown", "is a vote of committee '" + id + "', which does not exist "
                    + "or was dissolved. Name a sitting committee by its id (Console, Committees)", id.toString()));
        }
        int members = found.get().members().size();
        if (members == 0 || (rule.kind() != QuorumRule.Kind.ONE_FROM_EACH && rule.needed(members) > members)) {
            return Optional.of(Said.of("committee.tooSmall", "needs " + rule.needed(members) + " approval(s) ("
                    + rule.text() + "), but committee '" + id + "' has " + members + " member"
                    + (members == 1 ? "" : "s") + ". Lower the rule or add members first",
                    String.valueOf(rule.needed(members)), rule.text(), id.toString(), String.valueOf(members)));
        }
        if (rule.kind() == QuorumRule.Kind.N_OF_M && rule.of() != members) {
            return Optional.of(Said.of("committee.ruleMismatch", "has the rule '" + rule.text() + "', but committee '"
                    + id + "' has " + members + " members; write '" + rule.count() + " of " + members + "'",
                    rule.text(), id.toString(), String.valueOf(members), String.valueOf(rule.count())));
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
