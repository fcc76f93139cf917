package org.mandate.domain.directory;

import java.util.Set;

/** The person's roles from now on; the event's timestamp says since when. Sessions pick them up on their next call. */
public record RolesSet(PersonId personId, Set<Role> roles, PersonId recordedBy) {
}
