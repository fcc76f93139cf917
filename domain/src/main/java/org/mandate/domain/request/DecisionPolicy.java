package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rules 1 to 4 for one decision: the decider holds the step, has it on loan from the holder, or acts under a
 * mandate from the holder that covers the request at this moment; nobody decides their own request; a step
 * is decided once; a rejection says why. Answers under whose authority the decision is made.
 */
final class DecisionPolicy {

    static final int RATIONALE_LENGTH = DecideStep.MAX_RATIONALE;

    /** {@code onBehalfOf} is null when the decider holds the step; {@code mandate} is set for a standing mandate. */
    record Authorisation(PersonId onBehalfOf, MandateId mandate) {
    }

    private DecisionPolicy() {
    }

    static Authorisation check(DecideStep command, RequestFacts request, StepHolding found, Mandates mandates,
                               Directory directory, Instant now) {
        StepHolding step = request.openStep(command.stepId(), found);
        if (command.decider().equals(request.requester())) {
            throw Refusals.forbidden("request.decisionPolicy.youCannotDecideOnYour");
        }
        Authorisation authorisation = authorise(command.decider(), request, step, mandates,
                new AuthorityChainPolicy(directory), now);
        if (command.outcome() == null) {
            throw Refusals.invalid("request.decisionPolicy.sayWhetherYouApproveOr");
        }
        boolean silent = command.rationale() == null || command.rationale().isBlank();
        if (command.outcome() == Outcome.REJECTED && silent) {
            throw Refusals.invalid("request.decisionPolicy.aRejectionNeedsARationale");
        }
        if (!silent && command.rationale().length() > RATIONALE_LENGTH) {
            throw Refusals.invalid("request.decisionPolicy.theRationaleIsLongerThan", RATIONALE_LENGTH);
        }
        return authorisation;
    }

    static Authorisation authorise(PersonId decider, RequestFacts request, StepHolding step, Mandates mandates,
                                           AuthorityChainPolicy chains, Instant now) {
        if (step.delegate() != null) {
            if (decider.equals(step.delegate())) {
                chains.refusalOfLending(request.requester(), step.assignee(), decider).ifPresent(objection -> {
                    throw objection;
                });
                return new Authorisation(step.assignee(), null);
            }
            throw decider.equals(step.assignee())
                    ? Refusals.forbidden("request.decisionPolicy.youLentThisStep", step.delegate())
                    : Refusals.forbidden("request.decisionPolicy.assignedAndLent", step.assignee(), step.delegate());
        }
        if (decider.equals(step.assignee())) {
            return new Authorisation(null, null);
        }
        List<MandateTerms> usable = mandates.usableAll(decider, step.assignee(), request.category(),
                request.money(), now);
        RuleViolation objection = null;
        for (MandateTerms mandate : usable) {
            Optional<RuleViolation> against = chains.refusalOfMandate(request.requester(), mandate, mandates);
            if (against.isEmpty()) {
                return new Authorisation(step.assignee(), mandate.id());
            }
            objection = objection == null ? against.get() : objection;
        }
        if (objection != null) {
            throw objection;
        }
        boolean holdsSome = mandates.heldBy(decider).stream()
                .anyMatch(terms -> terms.principal().equals(step.assignee()));
        throw holdsSome
                ? Refusals.forbidden("request.decisionPolicy.assignedMandateDoesNotCover", step.assignee(),
                        request.category(), request.money())
                : Refusals.forbidden("request.decisionPolicy.assignedToSomeoneElse", step.assignee());
    }
}
