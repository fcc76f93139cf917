package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * Rules no approval path can drop, checked when a path ends as approved (see docs/adr/0001): somebody approved it,
 * and a request of {@link #FINANCE_CHECK_FROM} or more passed the finance check. A path that ends approved without
 * them is refused, so the decision that would have ended it does not count; the request stays in review.
 */
public final class OrganisationChecks {

    /** Requests of this amount or more need the finance officer's approval, whatever path they take. */
    public static final BigDecimal FINANCE_CHECK_FROM = new BigDecimal("5000");

    private OrganisationChecks() {
    }

    static void checkApproval(RequestFacts request, Collection<StepHolding> steps, boolean committeeApproved,
                              Directory directory) {
        if (!committeeApproved && steps.stream().noneMatch(StepHolding::approved)) {
            throw Refusals.conflict("request.organisationChecks.theApprovalPathEndedAs");
        }
        if (request.money().amount().compareTo(FINANCE_CHECK_FROM) >= 0
                && steps.stream().noneMatch(step -> step.approved() && isFinanceCheck(step, request, directory))) {
            throw Refusals.conflict("request.organisationChecks.thisRequestIsForAnd",
                    request.money().amount().toPlainString(), FINANCE_CHECK_FROM.toPlainString());
        }
    }

    /** The step was routed to the finance officer (or, on the officer's own request, to whoever checks it). */
    private static boolean isFinanceCheck(StepHolding step, RequestFacts request, Directory directory) {
        Optional<Person> routedTo = directory.find(step.openedFor());
        if (routedTo.isPresent() && routedTo.get().roles().contains(Role.FINANCE)
                && !routedTo.get().id().equals(request.requester())) {
            return true;
        }
        return financeChecker(request.requester(), directory).filter(step.openedFor()::equals).isPresent();
    }

    private static Optional<PersonId> financeChecker(PersonId requester, Directory directory) {
        try {
            return Optional.of(new ApprovalRouting(directory).financeChecker(requester).id());
        } catch (RuleViolation nobody) {
            return Optional.empty();
        }
    }
}
