package org.mandate.domain.committee;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.util.Set;

/** Who may sit on a committee, and what a committee's authority may be. */
final class MembershipPolicy {

    private MembershipPolicy() {
    }

    /** A new member is someone in the directory, still here, and not already on the committee. */
    static void checkNewMember(String committee, PersonId person, Set<PersonId> members, Directory directory) {
        if (person == null) {
            throw RuleViolation.invalid("Name the person to add to " + committee + ".");
        }
        Person found = directory.find(person).orElseThrow(() -> RuleViolation.invalid("Nobody in the directory is '"
                + person + "'; add them to the directory first, or check the id."));
        if (!found.active()) {
            throw RuleViolation.invalid(person + " has left the organisation; only people who still work here can "
                    + "sit on " + committee + ".");
        }
        if (members.contains(person)) {
            throw RuleViolation.conflict(person + " already sits on " + committee + ".");
        }
    }

    /** An authority: limits of zero or more per category, in a three-letter currency, for a committee with members. */
    static void checkAuthority(String committee, SetCommitteeAuthority command, Set<PersonId> members) {
        if (members.isEmpty()) {
            throw RuleViolation.conflict(committee + " has no members yet; add at least one member before giving "
                    + "it authority.");
        }
        if (command.authority() == null || command.authority().limits().isEmpty()) {
            throw RuleViolation.invalid("Give the committee a limit for at least one category (or * for every "
                    + "category).");
        }
        if (command.authority().limits().values().stream().anyMatch(limit -> limit.compareTo(BigDecimal.ZERO) < 0)) {
            throw RuleViolation.invalid("An authority is a limit of zero or more per category.");
        }
        if (command.currency() == null || !command.currency().matches("[A-Z]{3}")) {
            throw RuleViolation.invalid("The currency must be a three-letter ISO code such as EUR; got '"
                    + command.currency() + "'.");
        }
    }
}
