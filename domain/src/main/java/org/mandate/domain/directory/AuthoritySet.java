package org.mandate.domain.directory;

/** The person's authority from now on; the event's timestamp says since when. */
public record AuthoritySet(PersonId personId, Authority authority) {
}
