package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.util.Optional;

/**
 * Who holds a step and who decides it after an event that hands it on: a loan, its recall, an escalation or a
 * reassignment. Each of these events names both, so a read model writes the move without reading what the step
 * held before, and the aggregate's fold ({@link StepHolding#after}) moves the step the same way.
 */
public record StepMove(StepId stepId, PersonId holder, PersonId delegate) {

    public static StepMove of(StepDelegated lent) {
        return new StepMove(lent.stepId(), lent.from(), lent.to());
    }

    /** Only the holder recalls a loan (DelegationPolicy), and a departure recalls it in the leaving holder's name. */
    public static StepMove of(StepDelegationRecalled recalled) {
        return new StepMove(recalled.stepId(), recalled.by(), null);
    }

    /** A step handed on to someone new is theirs in person: whatever loan there was ended with the handover. */
    public static StepMove of(StepEscalated escalated) {
        return new StepMove(escalated.stepId(), escalated.to(), null);
    }

    public static StepMove of(StepReassigned reassigned) {
        return new StepMove(reassigned.stepId(), reassigned.to(), null);
    }

    /** The move this event makes, or none when it hands no step on. */
    public static Optional<StepMove> madeBy(Object event) {
        if (event instanceof StepDelegated lent) {
            return Optional.of(of(lent));
        }
        if (event instanceof StepDelegationRecalled recalled) {
            return Optional.of(of(recalled));
        }
        if (event instanceof StepEscalated escalated) {
            return Optional.of(of(escalated));
        }
        if (event instanceof StepReassigned reassigned) {
            return Optional.of(of(reassigned));
        }
        return Optional.empty();
    }

    /** Who decides the step now without any mandate: the delegate while it is lent out, else its holder. */
    public PersonId decider() {
        return delegate != null ? delegate : holder;
    }

    /** The holder who lent the step out, or null while they decide it themselves. */
    public PersonId lender() {
        return delegate == null ? null : holder;
    }
}
