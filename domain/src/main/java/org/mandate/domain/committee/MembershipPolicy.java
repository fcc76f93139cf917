package org.mandate.domain.committee;

import org.mandate.domain.Money;
import org.mandate.domain.Refusals;
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
            throw Refusals.invalid("committee.membershipPolicy.nameThePersonToAdd", committee);
        }
        Person found = directory.find(person).orElseThrow(() -> Refusals.invalid(
                "committee.membershipPolicy.nobodyInTheDirectoryIs", person));
        if (!found.active()) {
            throw Refusals.invalid("committee.membershipPolicy.hasLeftTheOrganisationOnly", person, committee);
        }
        if (members.contains(person)) {
            throw Refusals.conflict("committee.membershipPolicy.alreadySitsOn", person, committee);
        }
    }

    /** An authority: limits of zero or more per category, in a three-letter currency, for a committee with members. */
    static void checkAuthority(String committee, SetCommitteeAuthority command, Set<PersonId> members) {
        if (members.isEmpty()) {
            throw Refusals.conflict("committee.membershipPolicy.hasNoMembersYetAdd", committee);
        }
        if (command.authority() == null || command.authority().limits().isEmpty()) {
            throw Refusals.invalid("committee.membershipPolicy.giveTheCommitteeALimit");
        }
        if (command.authority().limits().values().stream().anyMatch(limit -> limit.compareTo(BigDecimal.ZERO) < 0)) {
            throw Refusals.invalid("committee.membershipPolicy.anAuthorityIsALimit");
        }
        if (!Money.isCurrency(command.currency())) {
            throw Refusals.invalid("committee.membershipPolicy.theCurrencyMustBeA", command.currency());
        }
    }
}
