package org.mandate.projections.knowledge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose past decisions a member of staff may read: their own, those of everyone who reports to them directly or
 * indirectly, and those of the people whose work passed to them when they left (their predecessors), together with
 * everyone in those people's areas in turn. A successor thereby reads what their predecessor and the predecessor's
 * team decided; a manager reads their whole branch, leavers included. Reporting lines are the current ones.
 */
final class DecisionArea {

    /** One person as the knowledge base knows them; {@code successor} is set once they left. */
    record Person(String id, String manager, String successor) {
    }

    private DecisionArea() {
    }

    static Set<String> around(String viewer, Collection<Person> people) {
        Map<String, List<String>> below = new HashMap<>();
        for (Person person : people) {
            for (String above : new String[]{person.manager(), person.successor()}) {
                if (above != null && !above.equals(person.id())) {
                    below.computeIfAbsent(above, key -> new ArrayList<>()).add(person.id());
                }
            }
        }
        // a successor may have reported to the leaver, so the graph can loop: visit each person once
        Set<String> area = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(viewer));
        while (!next.isEmpty()) {
            String person = next.pop();
            if (area.add(person)) {
                next.addAll(below.getOrDefault(person, List.of()));
            }
        }
        return area;
    }
}
