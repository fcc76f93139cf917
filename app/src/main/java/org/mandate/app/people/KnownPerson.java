package org.mandate.app.people;

import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;

/** The one check, for the people services, that a typed id names someone in the directory: 404 otherwise. */
final class KnownPerson {

    private KnownPerson() {
    }

    static PersonId require(Directory directory, String id) {
        if (id == null || id.isBlank() || directory.find(PersonId.of(id.strip())).isEmpty()) {
            throw AppRefusals.notFound("refusal.people.nobody", id);
        }
        return PersonId.of(id.strip());
    }
}
