package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
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

    static void checkDelegation(DelegateStep command, RequestFacts request, Step found, Directory directory) {
        Step step = request.openStep(command.stepId(), found);
        if (!command.by().equals(step.assignee())) {
            throw RuleViolation.forbidden("Only " + step.assignee() + ", who holds this step, can hand it on.");
        }
        if (command.by().equals(request.requester())) {
            throw RuleViolation.forbidden("You made this request, so you cannot hand its step to anyone; the "
                    + "organisation, not the requester, chooses who decides it.");
        }
        if (step.delegate() != null) {
            throw RuleViolation.conflict("This step is already lent to " + step.delegate()
                    + "; recall it first, then hand it to someone else.");
        }
        if (command.to() == null) {
            throw RuleViolation.invalid("Say who should decide this step: 'to' is a colleague's user name.");
        }
        if (command.to().equals(command.by())) {
            throw RuleViolation.invalid("You already hold this step; name a colleague to hand it to.");
        }
        if (command.to().equals(request.requester())) {
            throw RuleViolation.forbidden(command.to() + " made this request and cannot decide it; choose someone "
                    + "else.");
        }
        if (new AuthorityChainPolicy(directory).reportsTo(command.to(), request.requester())) {
            throw RuleViolation.forbidden(command.to() + " reports to " + request.requester() + ", who made this "
                    + "request, so their decision would not count; choose someone outside " + request.requester()
                    + "'s team.");
        }
        if (directory.find(command.to()).filter(Person::active).isEmpty()) {
            throw RuleViolation.invalid("'" + command.to() + "' is not an active person in the directory; check the "
                    + "user name.");
        }
        if (command.note() != null && command.note().length() > NOTE_LENGTH) {
            throw RuleViolation.invalid("The note is longer than " + NOTE_LENGTH + " characters; shorten it.");
        }
    }

    static void checkRecall(RecallDelegation command, RequestFacts request, Step found) {
        Step step = request.openStep(command.stepId(), found);
        if (!command.by().equals(step.assignee())) {
            throw RuleViolation.forbidden("Only " + step.assignee() + ", who lent this step, can recall it.");
        }
        if (step.delegate() == null) {
            throw RuleViolation.conflict("This step is not lent to anyone; there is nothing to recall.");
        }
        if (command.reason() != null && command.reason().length() > NOTE_LENGTH) {
            throw RuleViolation.invalid("The reason is longer than " + NOTE_LENGTH + " characters; shorten it.");
        }
    }
}
