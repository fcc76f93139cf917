package org.mandate.processes.validation;

import org.mandate.processes.Words;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

import java.util.Map;
import java.util.Set;

/**
 * Rules for the engine's extension attributes and elements (camunda:, and the old activiti: the engine still
 * honours). Most of them exist to run code; only metadata, the routing assignment and fixed due dates pass.
 */
final class CamundaExtensions {

    private static final Set<String> METADATA = Set.of("historyTimeToLive", "versionTag", "isStartableInTasklist",
            "candidateStarterUsers", "candidateStarterGroups", "initiator", "exclusive", "priority");
    private static final String NO_CODE = ". Mandate runs no custom code in approval paths; remove it";
    /** Refused attributes and why; each is also a problem code, {@code attribute.<name>}. */
    static final Map<String, String> REFUSED_ATTRIBUTES = Map.ofEntries(
            Map.entry("class", "names a Java class to run"),
            Map.entry("delegateExpression", "runs a delegate expression"),
            Map.entry("expression", "runs an expression as its work"),
            Map.entry("resultVariable", "stores the result of code it runs"),
            Map.entry("resource", "loads an external resource; put everything the path needs in this file"),
            Map.entry("candidateUsers", "offers the step to several people; in Mandate each step has one holder "
                    + "chosen by routing. Use the assignee ${routing.approverFor(execution)} instead"),
            Map.entry("candidateGroups", "offers the step to a group; in Mandate each step has one holder chosen "
                    + "by routing. Use the assignee ${routing.approverFor(execution)} instead"),
            Map.entry("formKey", "uses a form; steps are decided in Mandate's inbox. Remove it"),
            Map.entry("formRef", "uses a form; steps are decided in Mandate's inbox. Remove it"),
            Map.entry("calledElement", "calls another process"),
            Map.entry("decisionRef", "evaluates a decision table Mandate does not manage"),
            Map.entry("topic", "hands work to an external worker"),
            Map.entry("type", "hands work to an external worker or connector"));
    /** Refused elements and why; each is also a problem code, {@code extension.<name>}. */
    static final Map<String, String> REFUSED_ELEMENTS = Map.of(
            "script", "runs a script on the server",
            "connector", "calls an outside system through a connector",
            "field", "injects values into a Java class",
            "formData", "defines a form; steps are decided in Mandate's inbox",
            "in", "passes variables to another process",
            "out", "passes variables to another process");
    private static final Set<String> ACCEPTED_ELEMENTS = Set.of("properties", "property", "inputOutput",
            "inputParameter", "outputParameter", "list", "map", "entry", "value", "executionListener", "taskListener");

    private final Walker walker;
    private final TimerPolicy timers;

    CamundaExtensions(Walker walker, TimerPolicy timers) {
        this.walker = walker;
        this.timers = timers;
    }

    void attribute(Element element, Attr attribute) {
        String name = attribute.getLocalName();
        String value = attribute.getValue();
        if (REFUSED_ATTRIBUTES.containsKey(name)) {
            String reason = REFUSED_ATTRIBUTES.get(name);
            String text = reason + " (" + attribute.getName() + "=\"" + value + "\")"
                    + (reason.contains(";") || reason.contains(". ") ? "" : NO_CODE);
            walker.refuse(element, name.startsWith("candidate")
                    ? Said.of("attribute." + name, text, attribute.getName(), value,
                            ExpressionPolicy.APPROVER_EXPRESSION)
                    : Said.of("attribute." + name, text, attribute.getName(), value));
        } else if (name.startsWith("async")) {
            if (!"false".equals(value)) {
                walker.refuse(element, Said.of("attribute.async", "runs in the background (" + attribute.getName()
                        + "), outside the transaction of the decision that led to it; Mandate opens each step as part "
                        + "of that decision. Remove it", attribute.getName()));
            }
        } else if ((name.equals("dueDate") || name.equals("followUpDate"))
                && ExpressionPolicy.mentionsExpression(value)) {
            Said why = ExpressionPolicy.checkDueAfter(value);
            if (why != null) {
                walker.refuse(element, Said.of(name + ".expression", "has a " + Words.of(name) + " that "
                        + why.text()), why);
            }
        } else if (name.equals("dueDate") || name.equals("followUpDate")) {
            Said why = timers.check(value.startsWith("P") ? "timeDuration" : "timeDate", value);
            if (why != null) {
                walker.refuse(element, Said.of(name + ".timer", "has a " + Words.of(name) + " that is refused: "
                        + why.text()), why);
            }
        } else if (!name.equals("assignee") && !METADATA.contains(name)) {
            walker.refuse(element, Said.of("attribute.unsupported", "uses " + attribute.getName() + ", which Mandate "
                    + "does not support in approval paths. Remove it", attribute.getName()));
        } else if (!name.equals("assignee") && ExpressionPolicy.mentionsExpression(value)) {
            walker.expressionInText(element, value);
        }
    }

    void element(Element element) {
        String name = element.getLocalName();
        if (REFUSED_ELEMENTS.containsKey(name)) {
            walker.refuse(element, Said.of("extension." + name, REFUSED_ELEMENTS.get(name) + " ("
                    + element.getTagName() + ")" + (name.equals("formData") ? ". Remove it" : NO_CODE),
                    element.getTagName()));
            return;
        }
        if (!ACCEPTED_ELEMENTS.contains(name)) {
            walker.refuse(element, Said.of("extension.unsupported", "uses " + element.getTagName() + ", which "
                    + "Mandate does not support in approval paths. Remove it", element.getTagName()));
            return;
        }
        if (name.endsWith("Listener")) {
            listener(element);
        }
        walker.children(element);
    }

    /** Mandate attaches its own listeners; a path's own may only call Mandate's beans. */
    private void listener(Element listener) {
        if (listener.hasAttribute("class")) {
            walker.refuse(listener, Said.of("listener.class", "has a listener that runs the Java class '"
                    + listener.getAttribute("class") + "'" + NO_CODE, listener.getAttribute("class")));
        }
        if (listener.hasAttribute("delegateExpression")) {
            walker.refuse(listener, Said.of("listener.delegateExpression", "has a listener with the delegate "
                    + "expression '" + listener.getAttribute("delegateExpression") + "'" + NO_CODE,
                    listener.getAttribute("delegateExpression")));
        }
        String expression = listener.getAttribute("expression");
        if (!expression.isEmpty() && ExpressionPolicy.checkAssignment(expression) != null) {
            walker.refuse(listener, Said.of("listener.expression", "has a listener with the expression '"
                    + expression + "', which is not one of Mandate's own beans" + NO_CODE, expression));
        }
    }
}
