package org.mandate.processes.versions;

import org.mandate.processes.Words;
import org.mandate.processes.validation.HardenedXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions element by element (matched by id): what was added, removed, renamed, reassigned or
 * re-conditioned. Layout (the diagram part) is ignored: moving a box changes nothing a request goes through.
 */
public final class VersionComparison {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Child elements that only restate the flow wiring, already visible as sourceRef / targetRef. */
    private static final Set<String> WIRING = Set.of("incoming", "outgoing", "flowNodeRef");

    private VersionComparison() {
    }

    public static List<Change> compare(byte[] older, byte[] newer) {
        Map<String, Described> before = elements(older);
        Map<String, Described> after = elements(newer);
        List<Change> changes = new ArrayList<>();
        for (String id : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(id)) {
                Described then = before.get(id);
                changes.add(new Change(id, Change.Kind.REMOVED, then.label() + " was removed.", then.type(),
                        then.name(), List.of()));
            }
        }
        for (String id : new TreeSet<>(after.keySet())) {
            Described now = after.get(id);
            Described then = before.get(id);
            if (then == null) {
                changes.add(new Change(id, Change.Kind.ADDED, now.label() + " was added.", now.type(), now.name(),
                        List.of()));
            } else if (!then.properties().equals(now.properties())) {
                List<Change.Difference> differences = differences(then.properties(), now.properties());
                changes.add(new Change(id, Change.Kind.CHANGED, then.label() + " changed: "
                        + String.join("; ", differences.stream().map(VersionComparison::inEnglish).toList()) + ".",
                        then.type(), then.name(), differences));
            }
        }
        return changes;
    }

    private static List<Change.Difference> differences(Map<String, String> then, Map<String, String> now) {
        Set<String> names = new TreeSet<>(then.keySet());
        names.addAll(now.keySet());
        List<Change.Difference> differences = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(then.get(name), now.get(name))) {
                differences.add(new Change.Difference(name, then.get(name), now.get(name)));
            }
        }
        return differences;
    }

    private static String inEnglish(Change.Difference difference) {
        if (difference.property().equals("name") && difference.before() != null && difference.after() != null) {
            return "renamed from '" + difference.before() + "' to '" + difference.after() + "'";
        }
        String what = "its " + difference.property();
        if (difference.before() == null) {
            return what + " set to '" + difference.after() + "'";
        }
        if (difference.after() == null) {
            return what + " '" + difference.before() + "' removed";
        }
        return what + " changed from '" + difference.before() + "' to '" + difference.after() + "'";
    }

    private record Described(String type, Map<String, String> properties) {

        /** Its name, or its id when it has none. */
        String name() {
            String name = properties.get("name");
            return name == null ? properties.get("id") : name;
        }

        String label() {
            return "The " + Words.of(type)
                    + " '" + name() + "'";
        }
    }

    private static Map<String, Described> elements(byte[] bpmn) {
        Element root;
        try {
            root = HardenedXml.parse(bpmn).getDocumentElement();
        } catch (HardenedXml.Refused refused) {
            throw new IllegalArgumentException("a deployed version is unreadable: " + refused.getMessage(), refused);
        }
        Map<String, Described> elements = new LinkedHashMap<>();
        NodeList all = root.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id") && element != root) {
                elements.put(element.getAttribute("id"), new Described(element.getLocalName(), properties(element)));
            }
        }
        return elements;
    }

    /** Attributes, plus the text of id-less children (conditions, timer values, documentation). */
    private static Map<String, String> properties(Element element) {
        Map<String, String> properties = new LinkedHashMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                properties.put(attribute.getLocalName(), attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element part && !part.hasAttribute("id") && !WIRING.contains(part.getLocalName())) {
                properties.put(part.getLocalName(), part.getTextContent().strip().replaceAll("\\s+", " "));
            }
        }
        return properties;
    }
}
