package org.mandate.domain.directory;

import org.mandate.domain.Personal;

/** The person's mail address from now on; the event's timestamp says since when. */
public record EmailSet(PersonId personId, @Personal(subject = "personId") String email, PersonId recordedBy) {
}
