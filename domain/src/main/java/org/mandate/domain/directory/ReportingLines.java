package org.mandate.domain.directory;

import org.mandate.domain.RuleViolation;

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
            throw RuleViolation.invalid("Nobody is their own manager; choose someone else.");
        }
        activePerson(manager, "manager");
        if (directory.managementChainAbove(manager).stream().anyMatch(above -> above.id().equals(person))) {
            throw RuleViolation.conflict(manager + " already reports to " + person + " (directly or through others); "
                    + "making them " + person + "'s manager would close a loop.");
        }
    }

    /** The named successor, or else the nearest active manager above the leaver. */
    PersonId successorOf(PersonId leaver, PersonId named) {
        if (named != null) {
            if (named.equals(leaver)) {
                throw RuleViolation.invalid("A leaver cannot succeed themselves; name a colleague, or no one so that "
                        + "their manager takes over.");
            }
            return activePerson(named, "successor").id();
        }
        return directory.managementChainAbove(leaver).stream().filter(Person::active).findFirst()
                .orElseThrow(() -> RuleViolation.invalid(leaver + " has no active manager to take over their work; "
                        + "name a successor."))
                .id();
    }

    private Person activePerson(PersonId id, String role) {
        return directory.find(id).filter(Person::active).orElseThrow(() -> RuleViolation.invalid(
                "The " + role + " '" + id + "' is not an active person in the directory; choose someone who is."));
    }
}
