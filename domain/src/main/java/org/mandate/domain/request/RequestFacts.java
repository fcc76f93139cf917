package org.mandate.domain.request;

import org.mandate.domain.Money;
import org.mandate.domain.Refusals;
import org.mandate.domain.directory.PersonId;

/** What the step rules need to know about the request itself. */
record RequestFacts(PersonId requester, RequestStatus status, String category, Money money) {

    /** The request is in review and the step exists and is undecided, or the caller learns why not. */
    StepHolding openStep(StepId stepId, StepHolding step) {
        if (status != RequestStatus.IN_REVIEW) {
            throw Refusals.conflict("request.requestFacts.thisRequestIsAlreadyThere",
                    ApprovalRequest.status(status));
        }
        if (step == null) {
            throw Refusals.notFound("request.requestFacts.thisRequestHasNoStep", stepId);
        }
        if (step.decided()) {
            throw Refusals.conflict("request.requestFacts.thisStepWasAlreadyDecided",
                    step.decidedBy());
        }
        return step;
    }
}
