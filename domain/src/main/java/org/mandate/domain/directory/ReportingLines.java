package org.mandate.domain.directory;

import org.mandate.domain.Refusals;

/** Who reports to whom stays a tree, and who takes over when someone leaves. */
final class ReportingLines {

    private final Directory directory;

    ReportingLines(Directory directory) {
        this.directory = directory;
    }

    void checkNewManager(PersonId person, PersonId manager) {
        if (manager == null) {
            return;
        }
        if (manager.equals(person)) {
            throw Refusals.invalid("directory.reportingLines.nobodyIsTheirOwnManager");
        }
        activePerson(manager, "directory.reportingLines.theManager");
        if (directory.managementChainAbove(manager).stream().anyMatch(above -> above.id().equals(person))) {
            throw Refusals.conflict("directory.reportingLines.alreadyReportsToDirectlyOr", manager, person);
        }
    }

    /** The named successor, or else the nearest active manager above the leaver. */
    PersonId successorOf(PersonId leaver, PersonId named) {
        if (named != null) {
            if (named.equals(leaver)) {
                throw Refusals.invalid("directory.reportingLines.aLeaverCannotSucceedThemselves");
            }
            return activePerson(named, "directory.reportingLines.theSuccessor").id();
        }
        return directory.managementChainAbove(leaver).stream().filter(Person::active).findFirst()
                .orElseThrow(() -> Refusals.invalid("directory.reportingLines.hasNoActiveManagerTo", leaver))
                .id();
    }

    /** {@code role}: the code of the words that name the person's part, such as "the manager". */
    private Person activePerson(PersonId id, String role) {
        return directory.find(id).filter(Person::active).orElseThrow(() -> Refusals.invalid(
                "directory.reportingLines.notActive", Refusals.phrase(role), id));
    }
}
