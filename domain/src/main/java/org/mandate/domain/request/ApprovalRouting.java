package org.mandate.domain.request;

import org.mandate.domain.Refusals;
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
                .orElseThrow(() -> Refusals.invalid("request.approvalRouting.nobodyHoldsTheFinanceRole"));
        if (!officer.id().equals(requester)) {
            return officer;
        }
        return directory.managementChainAbove(requester).stream().filter(Person::active).findFirst()
                .orElseThrow(() -> Refusals.invalid("request.approvalRouting.youAreTheFinanceOfficer"));
    }

    private static RuleViolation nobodyMayApprove(List<Person> chain, String category, BigDecimal amount) {
        if (chain.isEmpty()) {
            return Refusals.invalid("request.approvalRouting.youHaveNoManagerIn");
        }
        BigDecimal largest = chain.stream()
                .map(manager -> manager.authority().limitFor(category))
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        return Refusals.invalid("request.approvalRouting.nobodyInYourManagementChain",
                amount.toPlainString(), category, largest.toPlainString());
    }
}
