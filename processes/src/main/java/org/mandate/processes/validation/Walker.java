package org.mandate.processes.validation;

import org.mandate.processes.Words;
import org.mandate.processes.approval.ApprovalPath;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a parsed BPMN file and collects one problem per refused element, attribute or expression. Accepts the
 * features approval paths need (user tasks, gateways, conditions, timers, lanes, annotations) and nothing that
 * could run code or reach out.
 */
final class Walker {

    private static final Set<String> ACCEPTED = Set.of("definitions", "process", "collaboration", "participant",
            "laneSet", "lane", "flowNodeRef", "childLaneSet", "startEvent", "endEvent", "userTask", "task",
            "manualTask", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "subProcess", "sequenceFlow",
            "conditionExpression", "incoming", "outgoing", "boundaryEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "timerEventDefinition", "timeDuration", "timeDate", "timeCycle",
            "terminateEventDefinition", "documentation", "extensionElements", "textAnnotation", "text", "association",
            "group", "category", "categoryValue");

    /** Refused kinds of element and why; each is also a problem code, {@code element.<kind>}. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("scriptTask", "is a script task: it would run a script on the server. Use a user task"),
            Map.entry("serviceTask", "is a service task: it would call code or an outside system. Use a user task"),
            Map.entry("sendTask", "is a send task: it would call code or an outside system. Use a user task"),
            Map.entry("businessRuleTask", "is a business rule task: it would evaluate a decision table Mandate "
                    + "does not manage. Use a gateway with conditions on amount and category"),
            Map.entry("callActivity", "calls another process, which this file cannot vouch for. Draw the steps "
                    + "in this path instead"),
            Map.entry("receiveTask", "waits for a message Mandate never sends, so requests would stall there"),
            Map.entry("import", "imports an external resource. Keep everything the path needs in this one file"),
            Map.entry("messageEventDefinition", "waits for or sends a message Mandate never handles"),
            Map.entry("signalEventDefinition", "waits for or sends a signal Mandate never handles"),
            Map.entry("conditionalEventDefinition", "is a conditional event, which Mandate does not support"),
            Map.entry("errorEventDefinition", "uses error events, which only make sense with code that throws them"),
            Map.entry("escalationEventDefinition", "uses BPMN escalation events; to escalate a step that waits too "
                    + "long, put a timer on its border instead"),
            Map.entry("compensateEventDefinition", "uses compensation, which needs code to undo work"),
            Map.entry("multiInstanceLoopCharacteristics", "repeats over a collection, which needs an expression "
                    + "Mandate does not allow. Draw each step instead"),
            Map.entry("standardLoopCharacteristics", "loops with a condition the engine evaluates as code"),
            Map.entry("eventBasedGateway", "waits for events Mandate never sends"));

    private final List<BpmnProblem> problems = new ArrayList<>();
    private final TimerPolicy timers;
    private final CamundaExtensions extensions;

    Walker(TimerPolicy timers) {
        this.timers = timers;
        this.extensions = new CamundaExtensions(this, timers);
    }

    List<BpmnProblem> problems() {
        return problems;
    }

    void walk(Element element) {
        String namespace = element.getNamespaceURI();
        if (Namespaces.DIAGRAM.contains(namespace)) {
            return; // layout only; the engine never reads it
        }
        if (Namespaces.isEngineExtension(namespace)) {
            extensions.element(element);
            return;
        }
        if (Namespaces.ZEEBE.equals(namespace)) {
            refuse(element, Said.of("zeebe.element", "carries zeebe:" + element.getLocalName() + ", which belongs "
                    + "to Camunda 8. This file was made for another engine; model the path again in Mandate's modeler",
                    element.getLocalName()));
            return;
        }
        if (!Namespaces.BPMN.equals(namespace)) {
            refuse(element, Said.of("foreignElement", "contains <" + element.getTagName() + "> from " + namespace
                    + ", which Mandate does not know. Remove it", element.getTagName(), String.valueOf(namespace)));
            return;
        }
        String type = element.getLocalName();
        if (REFUSED.containsKey(type)) {
            refuse(element, Said.of("element." + type, REFUSED.get(type)));
            return;
        }
        if (!ACCEPTED.contains(type)) {
            refuse(element, Said.of("unsupportedElement", "is a " + Words.of(type) + ", which approval paths do not "
                    + "support. Use user tasks, gateways and timers", type));
            return;
        }
        attributes(element);
        checkElement(element, type);
        children(element);
    }

    void children(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text(element, child.getNodeValue());
            }
        }
    }

    private void checkElement(Element element, String type) {
        switch (type) {
            case "userTask" -> {
                String assignee = engineAttribute(element, "assignee");
                Map<String, String> marks = QuorumMarks.of(element);
                if (marks.containsKey(ApprovalPath.QUORUM_PROPERTY)) {
                    QuorumMarks.ruleProblem(marks).ifPresent(why -> refuse(element, why));
                    if (assignee != null) {
                        refuse(element, Said.of("quorum.assignee", "is a committee vote and has the assignee '"
                                + assignee + "'; its voters are the committee's members. Remove the assignee",
                                assignee));
                    }
                } else if (marks.containsKey(ApprovalPath.COMMITTEE_PROPERTY)) {
                    refuse(element, Said.of("quorum.noRule", "names a committee (" + ApprovalPath.COMMITTEE_PROPERTY
                            + ") but no rule; add " + ApprovalPath.QUORUM_PROPERTY + " (e.g. '2 of 3') or remove the "
                            + "committee"));
                } else if (assignee == null || assignee.isBlank()) {
                    refuse(element, Said.of("assignee.missing", "has no assignee Mandate understands. Set its "
                            + "assignee to ${routing.approverFor(execution)} (the lowest manager whose authority "
                            + "covers the request) or ${routing.financeCheckerFor(execution)} (the finance check)"));
                } else {
                    Said why = ExpressionPolicy.checkAssignment(assignee);
                    if (why != null) {
                        refuse(element, why);
                    }
                }
            }
            case "conditionExpression" -> {
                if (element.hasAttribute("language")) {
                    refuse(element, Said.of("condition.script", "has a script condition (language '"
                            + element.getAttribute("language") + "'). Write the condition as ${...} comparing "
                            + "outcome, amount or category", element.getAttribute("language"), "${...}"));
                } else {
                    String condition = element.getTextContent().strip();
                    Said why = ExpressionPolicy.checkCondition(condition);
                    if (why != null) {
                        refuse(element, Said.of("condition.refused", "has the condition '" + condition + "' that "
                                + why.text(), condition), why);
                    }
                }
            }
            case "timeDuration", "timeCycle", "timeDate" -> {
                Said why = timers.check(type, element.getTextContent());
                if (why != null) {
                    refuse(element, Said.of("timer.refused", "has a timer that is refused: " + why.text()), why);
                }
            }
            case "timerEventDefinition" -> {
                if (element.getParentNode() instanceof Element parent && "startEvent".equals(parent.getLocalName())) {
                    refuse(element, Said.of("timer.start", "starts on a timer, which would start paths with no "
                            + "request behind them. Use a plain start event"));
                }
            }
            default -> {
            }
        }
    }

    private void attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (Namespaces.XMLNS.equals(namespace)) {
                continue;
            }
            if (Namespaces.isEngineExtension(namespace)) {
                extensions.attribute(element, attribute);
            } else if (Namespaces.ZEEBE.equals(namespace)) {
                refuse(element, Said.of("zeebe.attribute", "carries " + attribute.getName() + ", which belongs to "
                        + "Camunda 8. This file was made for another engine; model the path again in Mandate's "
                        + "modeler", attribute.getName()));
            } else if (namespace == null && ExpressionPolicy.mentionsExpression(attribute.getValue())) {
                expressionInText(element, attribute.getValue());
            }
        }
    }

    private void text(Element owner, String text) {
        if (ExpressionPolicy.mentionsExpression(text) && !Set.of("conditionExpression", "timeDuration", "timeCycle",
                "timeDate").contains(owner.getLocalName())) {
            expressionInText(owner, text.strip());
        }
    }

    /** Names and descriptions are evaluated by the engine too, so an expression in them is held to the same rule. */
    void expressionInText(Element element, String text) {
        Said why = ExpressionPolicy.checkTemplate(text);
        if (why != null) {
            refuse(element, Said.of("expression.refused", "contains the expression '" + text + "' that " + why.text(),
                    text), why);
        }
    }

    String engineAttribute(Element element, String name) {
        String value = element.getAttributeNS(Namespaces.CAMUNDA, name);
        if (value.isEmpty()) {
            value = element.getAttributeNS(Namespaces.ACTIVITI, name);
        }
        return value.isEmpty() ? null : value;
    }

    void refuse(Element element, Said reason) {
        refuse(element, reason, null);
    }

    /** {@code reason}'s words already hold {@code because}'s; the problem carries both codes for other languages. */
    void refuse(Element element, Said reason, Said because) {
        Element owner = owner(element);
        problems.add(new BpmnProblem(owner == null ? null : owner.getAttribute("id"),
                label(owner) + " " + reason.text() + ".", reason.code(), owner == null ? null : owner.getLocalName(),
                owner == null ? null : name(owner), reason.args(), because == null ? null : because.reason()));
    }

    /** The nearest element with an id: the one a process owner can find in the modeler. */
    private static Element owner(Element element) {
        for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
            if (candidate.hasAttribute("id")) {
                return candidate;
            }
        }
        return null;
    }

    private static String label(Element owner) {
        if (owner == null) {
            return "The file";
        }
        return "The " + Words.of(owner.getLocalName()) + " '" + name(owner) + "'";
    }

    /** The element's name as the modeler shows it, or its id if it has none. */
    static String name(Element owner) {
        String name = owner.getAttribute("name").strip();
        return name.isEmpty() ? owner.getAttribute("id") : name;
    }

}
