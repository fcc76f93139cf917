package org.mandate.processes.versions;

import java.util.List;

/**
 * One element that differs between two versions: {@code description} says it in English (the API's words); the
 * element's {@code type} (its BPMN name, e.g. {@code userTask}), its {@code name} (or id, if it has none) and the
 * {@code differences} let a page say the same in its own language.
 */
public record Change(String elementId, Kind kind, String description, String type, String name,
                     List<Difference> differences) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One property of a changed element: {@code before} null when it was set, {@code after} null when removed. */
    public record Difference(String property, String before, String after) {
    }

    public Change {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
