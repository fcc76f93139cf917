package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A step as its request's events leave it: the rules that decide, lend, escalate or send back a step read this, and
 * the read models and the reconciler fold the same events through {@link #after} rather than each their own way.
 * The assignee holds the step; a {@code delegate} decides it in their place while it is lent out. {@code openedFor}
 * is whom the path routed it to, which stays what the step is (a finance check stays one when it escalates).
 * {@code paused} while it is sent back to the requester for more information.
 */
public record StepHolding(StepId id, PersonId assignee, PersonId delegate, PersonId openedFor, Instant dueAt,
                          PersonId decidedBy, Outcome outcome, boolean paused) {

    public static StepHolding opened(StepOpened event) {
        return new StepHolding(event.stepId(), event.assignee(), null, event.assignee(), event.dueAt(), null, null,
                false);
    }

    /** The step after this event; the same step when the event is about another step or does not move it. */
    public StepHolding after(Object event) {
        StepMove move = StepMove.madeBy(event).filter(found -> found.stepId().equals(id)).orElse(null);
        if (move != null) {
            return new StepHolding(id, move.holder(), move.delegate(), openedFor, dueAt, decidedBy, outcome, paused);
        }
        if (event instanceof StepDecided decided && decided.stepId().equals(id)) {
            return new StepHolding(id, assignee, delegate, openedFor, dueAt, decided.decidedBy(), decided.outcome(),
                    paused);
        }
        if (event instanceof MoreInformationRequested asked && asked.stepId().equals(id)) {
            return new StepHolding(id, assignee, delegate, openedFor, dueAt, decidedBy, outcome, true);
        }
        // both resume the step with its due date moved by the time it waited
        if (event instanceof MoreInformationProvided answered && answered.stepId().equals(id)) {
            return resumed(answered.dueAt());
        }
        if (event instanceof RequesterLeftBeforeAnswering left && left.stepId().equals(id)) {
            return resumed(left.dueAt());
        }
        return this;
    }

    public boolean decided() {
        return decidedBy != null;
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }

    /** Who decides now without any mandate: the delegate while the step is lent out, else the assignee. */
    public PersonId decider() {
        return delegate != null ? delegate : assignee;
    }

    /** The holder who lent the step out, or null while they decide it themselves. */
    public PersonId lender() {
        return delegate == null ? null : assignee;
    }

    private StepHolding resumed(Instant movedDueAt) {
        return new StepHolding(id, assignee, delegate, openedFor, movedDueAt, decidedBy, outcome, false);
    }
}
