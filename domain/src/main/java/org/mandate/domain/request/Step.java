package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * What the aggregate remembers of a step to enforce the decision rules. The assignee holds the step; a
 * {@code delegate} decides it in their place while it is lent out.
 */
record Step(StepId id, PersonId assignee, PersonId delegate, Instant dueAt, PersonId decidedBy) {

    boolean decided() {
        return decidedBy != null;
    }

    /** Who decides now without any mandate: the delegate while the step is lent out, else the assignee. */
    PersonId decider() {
        return delegate != null ? delegate : assignee;
    }

    Step decidedBy(PersonId decider) {
        return new Step(id, assignee, delegate, dueAt, decider);
    }

    Step lentTo(PersonId to) {
        return new Step(id, assignee, to, dueAt, decidedBy);
    }

    Step movedTo(PersonId to) {
        return new Step(id, to, null, dueAt, decidedBy);
    }
}
