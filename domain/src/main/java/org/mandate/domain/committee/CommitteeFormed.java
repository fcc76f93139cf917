package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** A committee was formed, with no members yet. */
public record CommitteeFormed(CommitteeId committeeId, String name, PersonId formedBy, Instant formedAt) {
}
