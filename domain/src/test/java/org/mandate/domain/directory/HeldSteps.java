package org.mandate.domain.directory;

import java.util.ArrayList;
import java.util.List;

/** Open steps in memory, as the inbox would list them, for departure tests. */
public final class HeldSteps implements OpenWork {

    private final List<HeldStep> steps = new ArrayList<>();

    public HeldSteps add(HeldStep step) {
        steps.add(step);
        return this;
    }

    @Override
    public List<HeldStep> of(PersonId person) {
        return steps.stream().filter(step -> person.equals(step.holder()) || person.equals(step.lentTo())).toList();
    }
}
