package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;

/** What the step rules need to know about the request itself. */
record RequestFacts(PersonId requester, RequestStatus status, String category, BigDecimal amount, String currency) {

    /** The request is in review and the step exists and is undecided, or the caller learns why not. */
    Step openStep(StepId stepId, Step step) {
        if (status != RequestStatus.IN_REVIEW) {
            throw org.mandate.domain.RuleViolation.conflict("This request is already "
                    + status.name().toLowerCase().replace('_', ' ') + "; there is nothing left to decide.");
        }
        if (step == null) {
            throw org.mandate.domain.RuleViolation.notFound("This request has no step '" + stepId
                    + "'. Open the request to see its current step.");
        }
        if (step.decided()) {
            throw org.mandate.domain.RuleViolation.conflict("This step was already decided by " + step.decidedBy()
                    + "; a step is decided once.");
        }
        return step;
    }
}
