package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Rule 5: a request goes to the lowest person in the requester's management chain whose authority covers
 * it. The requester's own authority never counts, so nobody is ever routed their own request.
 */
public final class ApprovalRouting {

    private final Directory directory;

    public ApprovalRouting(Directory directory) {
        this.directory = directory;
    }

    public Person firstApprover(PersonId requester, String category, BigDecimal amount) {
        List<Person> chain = directory.managementChainAbove(requester).stream().filter(Person::active).toList();
        return chain.stream()
                .filter(manager -> manager.authority().covers(category, amount))
                .findFirst()
                .orElseThrow(() -> nobodyMayApprove(chain, category, amount));
    }

    /** The finance officer checks large requests; when they asked themselves, their manager checks instead. */
    public Person financeChecker(PersonId requester) {
        Person officer = directory.withRole(Role.FINANCE).stream()
                .filter(Person::active)
                .min(Comparator.comparing(person -> person.id().value()))
                .orElseThrow(() -> RuleViolation.invalid(
                        "Nobody holds the finance role, so requests that need a finance check cannot be routed. "
                                + "Ask an administrator to give someone the FINANCE role."));
        if (!officer.id().equals(requester)) {
            return officer;
        }
        return directory.managementChainAbove(requester).stream().filter(Person::active).findFirst()
                .orElseThrow(() -> RuleViolation.invalid(
                        "You are the finance officer and have no manager to check your own request."));
    }

    private static RuleViolation nobodyMayApprove(List<Person> chain, String category, BigDecimal amount) {
        if (chain.isEmpty()) {
            return RuleViolation.invalid("You have no manager in the directory, so nobody can approve your request. "
                    + "Ask an administrator to set your manager.");
        }
        BigDecimal largest = chain.stream()
                .map(manager -> manager.authority().limitFor(category))
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        return RuleViolation.invalid("Nobody in your management chain may approve " + amount.toPlainString()
                + " for category '" + category + "': the largest amount your chain can approve is "
                + largest.toPlainString() + ". Split the request or lower the amount.");
    }
}
