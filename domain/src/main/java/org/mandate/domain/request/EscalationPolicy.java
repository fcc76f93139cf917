package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may escalate a step and where it goes: the holder (or the colleague it is lent to) at any time, the
 * requester once the step is overdue, the path's timer when its limit passes. The step goes to the next
 * active person above its holder whose authority covers the request and who did not ask for it.
 */
public final class EscalationPolicy {

    static final int REASON_LENGTH = 2_000;

    private EscalationPolicy() {
    }

    static void checkWho(EscalateStep command, RequestFacts request, StepHolding step, Instant now) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusals.invalid("request.escalationPolicy.sayWhyYouEscalateSo");
        }
        if (command.reason().length() > REASON_LENGTH) {
            throw Refusals.invalid("request.delegationPolicy.theReasonIsLongerThan", REASON_LENGTH);
        }
        if (command.automatic() || command.by().equals(step.assignee()) || command.by().equals(step.delegate())) {
            return;
        }
        if (command.by().equals(request.requester())) {
            if (step.dueAt() != null && !now.isBefore(step.dueAt())) {
                return;
            }
            throw step.dueAt() == null
                    ? Refusals.forbidden("request.escalationPolicy.noDueDate", step.assignee())
                    : Refusals.forbidden("request.escalationPolicy.notOverdueYet", step.dueAt());
        }
        throw Refusals.forbidden("request.escalationPolicy.onlyWhoHoldsThisStep", step.assignee());
    }

    static Optional<Person> target(RequestFacts request, StepHolding step, Directory directory) {
        return target(step.assignee(), request.requester(), request.category(), request.money().amount(),
                directory);
    }

    /** Where an escalation of a step held by {@code holder} would land now: what a page says before confirming. */
    public static Optional<Person> target(PersonId holder, PersonId requester, String category, BigDecimal amount,
                                          Directory directory) {
        return directory.managementChainAbove(holder).stream()
                .filter(Person::active)
                .filter(manager -> !manager.id().equals(requester))
                .filter(manager -> manager.authority().covers(category, amount))
                .findFirst();
    }

    static RuleViolation atTheTop(StepHolding step) {
        return Refusals.conflict("request.escalationPolicy.nobodyAboveMayDecideThis", step.assignee());
    }
}
