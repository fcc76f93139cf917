package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * What the aggregate remembers of a step to enforce the decision rules. The assignee holds the step; a
 * {@code delegate} decides it in their place while it is lent out. {@code openedFor} is whom the path routed it to,
 * which stays what the step is (a finance check stays one when it escalates).
 */
record Step(StepId id, PersonId assignee, PersonId delegate, Instant dueAt, PersonId decidedBy, PersonId openedFor,
            Outcome outcome) {

    static Step opened(StepId id, PersonId assignee, Instant dueAt) {
        return new Step(id, assignee, null, dueAt, null, assignee, null);
    }

    boolean decided() {
        return decidedBy != null;
    }

    boolean approved() {
        return outcome == Outcome.APPROVED;
    }

    /** Who decides now without any mandate: the delegate while the step is lent out, else the assignee. */
    PersonId decider() {
        return delegate != null ? delegate : assignee;
    }

    Step decided(PersonId decider, Outcome decision) {
        return new Step(id, assignee, delegate, dueAt, decider, openedFor, decision);
    }

    Step lentTo(PersonId to) {
        return new Step(id, assignee, to, dueAt, decidedBy, openedFor, outcome);
    }

    Step dueOn(Instant due) {
        return new Step(id, assignee, delegate, due, decidedBy, openedFor, outcome);
    }

    Step movedTo(PersonId to) {
        return new Step(id, to, null, dueAt, decidedBy, openedFor, outcome);
    }
}
