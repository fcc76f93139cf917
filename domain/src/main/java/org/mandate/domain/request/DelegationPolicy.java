package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;

/**
 * One-off delegation: only the holder lends a step, to one active colleague who is neither the requester nor
 * reports to them (see {@link AuthorityChainPolicy}), while it is undecided and not lent already; only the holder
 * recalls it, and only before it is decided. A requester never hands on a step of their own request.
 */
final class DelegationPolicy {

    static final int NOTE_LENGTH = 2_000;

    private DelegationPolicy() {
    }

    static void checkDelegation(DelegateStep command, RequestFacts request, StepHolding found, Directory directory) {
        StepHolding step = request.openStep(command.stepId(), found);
        if (!command.by().equals(step.assignee())) {
            throw Refusals.forbidden("request.delegationPolicy.onlyWhoHoldsThisStep", step.assignee());
        }
        if (command.by().equals(request.requester())) {
            throw Refusals.forbidden("request.delegationPolicy.youMadeThisRequestSo");
        }
        if (step.delegate() != null) {
            throw Refusals.conflict("request.delegationPolicy.thisStepIsAlreadyLent", step.delegate());
        }
        if (command.to() == null) {
            throw Refusals.invalid("request.delegationPolicy.sayWhoShouldDecideThis");
        }
        if (command.to().equals(command.by())) {
            throw Refusals.invalid("request.delegationPolicy.youAlreadyHoldThisStep");
        }
        if (command.to().equals(request.requester())) {
            throw Refusals.forbidden("request.delegationPolicy.madeThisRequestAndCannot", command.to());
        }
        if (new AuthorityChainPolicy(directory).reportsTo(command.to(), request.requester())) {
            throw Refusals.forbidden("request.delegationPolicy.reportsToWhoMadeThis",
                    command.to(), request.requester());
        }
        if (directory.find(command.to()).filter(Person::active).isEmpty()) {
            throw Refusals.invalid("request.delegationPolicy.isNotAnActivePerson", command.to());
        }
        if (command.note() != null && command.note().length() > NOTE_LENGTH) {
            throw Refusals.invalid("request.delegationPolicy.theNoteIsLongerThan", NOTE_LENGTH);
        }
    }

    static void checkRecall(RecallDelegation command, RequestFacts request, StepHolding found) {
        StepHolding step = request.openStep(command.stepId(), found);
        if (!command.by().equals(step.assignee())) {
            throw Refusals.forbidden("request.delegationPolicy.onlyWhoLentThisStep", step.assignee());
        }
        if (step.delegate() == null) {
            throw Refusals.conflict("request.delegationPolicy.thisStepIsNotLent");
        }
        if (command.reason() != null && command.reason().length() > NOTE_LENGTH) {
            throw Refusals.invalid("request.delegationPolicy.theReasonIsLongerThan", NOTE_LENGTH);
        }
    }
}
