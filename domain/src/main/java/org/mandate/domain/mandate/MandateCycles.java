package org.mandate.domain.mandate;

import org.mandate.domain.Refusals;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * No cycles: a grant from A to B is refused while B already reaches A through live mandates (B to A directly,
 * or B to C to A), because authority would then flow in a circle and nobody could say whose it is.
 */
final class MandateCycles {

    private final Mandates mandates;

    MandateCycles(Mandates mandates) {
        this.mandates = mandates;
    }

    void refuseCycle(PersonId grantor, PersonId holder, Instant now) {
        Map<PersonId, PersonId> cameFrom = new HashMap<>();
        Deque<PersonId> queue = new ArrayDeque<>();
        queue.add(holder);
        cameFrom.put(holder, holder);
        while (!queue.isEmpty() && cameFrom.size() < 1_000) {
            PersonId next = queue.poll();
            for (MandateTerms mandate : mandates.grantedBy(next)) {
                if (!mandate.liveAt(now) || cameFrom.containsKey(mandate.holder())) {
                    continue;
                }
                cameFrom.put(mandate.holder(), next);
                if (mandate.holder().equals(grantor)) {
                    throw Refusals.conflict("mandate.mandateCycles.mandatesAlreadyRunSoA",
                            path(cameFrom, grantor), grantor, holder);
                }
                queue.add(mandate.holder());
            }
        }
    }

    private static String path(Map<PersonId, PersonId> cameFrom, PersonId end) {
        StringBuilder path = new StringBuilder(end.value());
        for (PersonId current = end; !cameFrom.get(current).equals(current); ) {
            current = cameFrom.get(current);
            path.insert(0, current.value() + " -> ");
        }
        return path.toString();
    }
}
