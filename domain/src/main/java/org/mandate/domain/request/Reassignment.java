package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

/**
 * Where a leaver's step goes: to their successor, unless the successor made the request; then to the nearest
 * active manager above the successor, since nobody decides their own request.
 */
final class Reassignment {

    private Reassignment() {
    }

    static PersonId target(PersonId successor, PersonId requester, Directory directory) {
        if (!successor.equals(requester)) {
            return successor;
        }
        return directory.managementChainAbove(successor).stream()
                .filter(Person::active)
                .map(Person::id)
                .findFirst()
                .orElseThrow(() -> RuleViolation.conflict("The successor " + successor + " made this request and has "
                        + "no manager to take the step instead; name another successor."));
    }
}
