package org.mandate.domain.request;

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

    static final int RATIONALE_LENGTH = 4_000;

    /** {@code onBehalfOf} is null when the decider holds the step; {@code mandate} is set for a standing mandate. */
    record Authorisation(PersonId onBehalfOf, MandateId mandate) {
    }

    private DecisionPolicy() {
    }

    static Authorisation check(DecideStep command, RequestFacts request, Step found, Mandates mandates,
                               Directory directory, Instant now) {
        Step step = request.openStep(command.stepId(), found);
        if (command.decider().equals(request.requester())) {
            throw RuleViolation.forbidden("You cannot decide on your own request, directly or through a mandate.");
        }
        Authorisation authorisation = authorise(command.decider(), request, step, mandates,
                new AuthorityChainPolicy(directory), now);
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
        return authorisation;
    }

    static Authorisation authorise(PersonId decider, RequestFacts request, Step step, Mandates mandates,
                                           AuthorityChainPolicy chains, Instant now) {
        if (step.delegate() != null) {
            if (decider.equals(step.delegate())) {
                chains.objectionToLending(request.requester(), step.assignee(), decider).ifPresent(objection -> {
                    throw RuleViolation.forbidden(objection);
                });
                return new Authorisation(step.assignee(), null);
            }
            throw RuleViolation.forbidden(decider.equals(step.assignee())
                    ? "You lent this step to " + step.delegate() + "; recall it first if you want to decide it."
                    : "This step is assigned to " + step.assignee() + " and lent to " + step.delegate()
                    + "; only they can decide it.");
        }
        if (decider.equals(step.assignee())) {
            return new Authorisation(null, null);
        }
        List<MandateTerms> usable = mandates.usableAll(decider, step.assignee(), request.category(),
                request.amount(), request.currency(), now);
        String objection = null;
        for (MandateTerms mandate : usable) {
            Optional<String> against = chains.objectionToMandate(request.requester(), mandate, mandates);
            if (against.isEmpty()) {
                return new Authorisation(step.assignee(), mandate.id());
            }
            objection = objection == null ? against.get() : objection;
        }
        if (objection != null) {
            throw RuleViolation.forbidden(objection);
        }
        boolean holdsSome = mandates.heldBy(decider).stream()
                .anyMatch(terms -> terms.principal().equals(step.assignee()));
        throw RuleViolation.forbidden("This step is assigned to " + step.assignee() + ", not to you; only they can "
                + "decide it" + (holdsSome
                ? ". Your mandate from " + step.assignee() + " does not cover " + request.category() + " "
                + request.amount().toPlainString() + " " + request.currency() + " now (out of scope, not yet "
                + "valid, expired or revoked)."
                : ", or someone holding a mandate from them that covers it."));
    }
}
