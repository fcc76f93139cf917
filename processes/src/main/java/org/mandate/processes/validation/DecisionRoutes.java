package org.mandate.processes.validation;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves that no route through a path ends it before a person decided. A path's end reports the outcome of the last
 * decision (see PathEndedListener), so an end reached before any decision reports no rejection: the request would be
 * approved by nobody. Conditions are treated as unknown, so every outgoing flow may be taken, and the search runs
 * over elements, not routes, so loops end it. A user task is a decision only once it completes, so its outgoing flows
 * are not followed; its boundary events are, since they fire while nobody has decided.
 *
 * <p>An end event on the branch of a non-interrupting boundary event ends only that branch: the step it is attached
 * to still waits, so the path cannot end there before that step is decided or interrupted (both searched in their
 * own right). A terminate end on such a branch ends everything at once and is checked like any other end. Branches of
 * a parallel split are each held to the rule, which refuses a few harmless paths but never a harmful one.
 */
final class DecisionRoutes {

    private static final Set<String> NODES = Set.of("startEvent", "endEvent", "userTask", "task", "manualTask",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "subProcess", "boundaryEvent",
            "intermediateCatchEvent", "intermediateThrowEvent");

    private final Map<String, Element> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> next = new HashMap<>();
    private final Map<String, List<Element>> boundaries = new HashMap<>();

    private DecisionRoutes(Element process) {
        collect(process);
    }

    /** One problem per end that some route reaches undecided, naming the shortest such route. */
    static List<BpmnProblem> check(Element process) {
        return new DecisionRoutes(process).undecidedEnds();
    }

    private void collect(Element scope) {
        for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || !Namespaces.BPMN.equals(element.getNamespaceURI())) {
                continue;
            }
            String type = element.getLocalName();
            if (NODES.contains(type) && !element.getAttribute("id").isEmpty()) {
                nodes.put(element.getAttribute("id"), element);
                if ("boundaryEvent".equals(type)) {
                    boundaries.computeIfAbsent(element.getAttribute("attachedToRef"), key -> new ArrayList<>())
                            .add(element);
                }
                if ("subProcess".equals(type)) {
                    collect(element);
                }
            } else if ("sequenceFlow".equals(type)) {
                next.computeIfAbsent(element.getAttribute("sourceRef"), key -> new ArrayList<>())
                        .add(element.getAttribute("targetRef"));
            }
        }
    }

    /** A search state: where a token is, and whether a step it left behind still waits for a decision. */
    private record At(String node, boolean stepStillWaits) {
    }

    private List<BpmnProblem> undecidedEnds() {
        Map<At, At> cameFrom = new HashMap<>();
        Deque<At> queue = new ArrayDeque<>();
        for (Element start : topLevel("startEvent")) {
            At at = new At(start.getAttribute("id"), false);
            cameFrom.put(at, at);
            queue.add(at);
        }
        Map<String, BpmnProblem> problems = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            At at = queue.poll();
            Element node = nodes.get(at.node());
            if (node == null) {
                continue; // a flow to nothing; the model check reports it
            }
            if (endsThePath(node, at) && !problems.containsKey(at.node())) {
                problems.put(at.node(), problem(node, route(at, cameFrom)));
            }
            for (At following : following(node, at)) {
                if (!cameFrom.containsKey(following)) {
                    cameFrom.put(following, at);
                    queue.add(following);
                }
            }
        }
        return List.copyOf(problems.values());
    }

    private List<At> following(Element node, At at) {
        List<At> following = new ArrayList<>();
        String id = at.node();
        for (Element boundary : boundaries.getOrDefault(id, List.of())) {
            boolean interrupting = !"false".equals(boundary.getAttribute("cancelActivity"));
            following.add(new At(boundary.getAttribute("id"), at.stepStillWaits() || !interrupting));
        }
        switch (node.getLocalName()) {
            case "userTask" -> {
                return following; // completing it is a decision: what follows is decided
            }
            case "subProcess" -> {
                for (Element start : children(node, "startEvent")) {
                    following.add(new At(start.getAttribute("id"), at.stepStillWaits()));
                }
                return following;
            }
            case "endEvent" -> {
                Element scope = (Element) node.getParentNode();
                if ("subProcess".equals(scope.getLocalName())) {
                    addNext(following, scope.getAttribute("id"), at.stepStillWaits());
                }
                return following;
            }
            default -> {
                addNext(following, id, at.stepStillWaits());
                return following;
            }
        }
    }

    private void addNext(List<At> following, String from, boolean stepStillWaits) {
        for (String target : next.getOrDefault(from, List.of())) {
            following.add(new At(target, stepStillWaits));
        }
    }

    private static boolean endsThePath(Element node, At at) {
        if (!"endEvent".equals(node.getLocalName())) {
            return false;
        }
        boolean terminates = node.getElementsByTagNameNS(Namespaces.BPMN, "terminateEventDefinition")
                .getLength() > 0;
        boolean topLevel = "process".equals(((Element) node.getParentNode()).getLocalName());
        return (topLevel || terminates) && (terminates || !at.stepStillWaits());
    }

    private List<Element> route(At end, Map<At, At> cameFrom) {
        List<Element> route = new ArrayList<>();
        for (At at = end; ; at = cameFrom.get(at)) {
            route.add(0, nodes.get(at.node()));
            if (cameFrom.get(at).equals(at)) {
                return route;
            }
        }
    }

    private static BpmnProblem problem(Element end, List<Element> route) {
        String steps = String.join(" → ", route.stream().map(DecisionRoutes::label).toList());
        return new BpmnProblem(end.getAttribute("id"), "The end event " + label(end) + " can be reached without "
                + "anyone deciding, and a path that ends before a decision approves the request: "
                + steps + ". Put a user task on that route, or lead it to a user task.", "route.undecided",
                "endEvent", Walker.name(end), List.of(steps), null);
    }

    private static String label(Element element) {
        String name = element.getAttribute("name").strip();
        String id = element.getAttribute("id");
        return name.isEmpty() || name.equals(id) ? "'" + id + "'" : "'" + name + "' (" + id + ")";
    }

    private List<Element> topLevel(String type) {
        return nodes.values().stream().filter(node -> type.equals(node.getLocalName())
                && "process".equals(((Element) node.getParentNode()).getLocalName())).toList();
    }

    private static List<Element> children(Element scope, String type) {
        List<Element> found = new ArrayList<>();
        for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && type.equals(element.getLocalName())
                    && Namespaces.BPMN.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
