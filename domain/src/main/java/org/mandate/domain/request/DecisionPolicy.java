package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;

/**
 * Rules 1 to 4 for one decision: the decider holds the step, never decides their own request, a step is
 * decided once, and a rejection says why.
 */
final class DecisionPolicy {

    static final int RATIONALE_LENGTH = 4_000;

    private DecisionPolicy() {
    }

    static void check(DecideStep command, PersonId requester, RequestStatus status, Step step) {
        if (status != RequestStatus.IN_REVIEW) {
            throw RuleViolation.conflict("This request is already " + status.name().toLowerCase().replace('_', ' ')
                    + "; there is nothing left to decide.");
        }
        if (step == null) {
            throw RuleViolation.notFound("This request has no step '" + command.stepId()
                    + "'. Open the request to see its current step.");
        }
        if (step.decided()) {
            throw RuleViolation.conflict("This step was already decided by " + step.decidedBy()
                    + "; a step is decided once.");
        }
        if (command.decider().equals(requester)) {
            throw RuleViolation.forbidden("You cannot decide on your own request.");
        }
        if (!command.decider().equals(step.assignee())) {
            throw RuleViolation.forbidden("This step is assigned to " + step.assignee()
                    + ", not to you; only they can decide it.");
        }
        if (command.outcome() == null) {
            throw RuleViolation.invalid("Say whether you approve or reject: outcome is APPROVED or REJECTED.");
        }
        boolean silent = command.rationale() == null || command.rationale().isBlank();
        if (command.outcome() == Outcome.REJECTED && silent) {
            throw RuleViolation.invalid("A rejection needs a rationale: tell the requester why, so they can act on it.");
        }
        if (!silent && command.rationale().length() > RATIONALE_LENGTH) {
            throw RuleViolation.invalid("The rationale is longer than " + RATIONALE_LENGTH + " characters; shorten it.");
        }
    }
}
