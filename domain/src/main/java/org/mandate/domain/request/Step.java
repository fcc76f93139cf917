package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

/** What the aggregate remembers of a step to enforce the decision rules. */
record Step(StepId id, PersonId assignee, PersonId decidedBy) {

    boolean decided() {
        return decidedBy != null;
    }

    Step decidedBy(PersonId decider) {
        return new Step(id, assignee, decider);
    }
}
