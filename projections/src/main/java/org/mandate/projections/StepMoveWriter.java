package org.mandate.projections;

import org.axonframework.eventhandling.EventHandler;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepReassigned;
import org.mandate.domain.request.StepMove;

/**
 * A read model that writes every hand-over of a step (a loan, its recall, an escalation, a reassignment) as the
 * {@link StepMove} it names, without reading what the step held before: the inbox and the request view. The four
 * handlers are written here once (public, so a test calls them as it calls the model's own); each model says how
 * it writes a move.
 */
public abstract class StepMoveWriter {

    @EventHandler
    public void on(StepDelegated event) {
        moveTo(StepMove.of(event));
    }

    @EventHandler
    public void on(StepDelegationRecalled event) {
        moveTo(StepMove.of(event));
    }

    @EventHandler
    public void on(StepEscalated event) {
        moveTo(StepMove.of(event));
    }

    @EventHandler
    public void on(StepReassigned event) {
        moveTo(StepMove.of(event));
    }

    protected abstract void moveTo(StepMove move);
}
