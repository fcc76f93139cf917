package org.mandate.domain.directory;

/** The person's mail address from now on; the event's timestamp says since when. */
public record EmailSet(PersonId personId, String email, PersonId recordedBy) {
}
