package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The person sits on the committee from now on. */
public record CommitteeMemberAdded(CommitteeId committeeId, PersonId personId, PersonId addedBy, Instant addedAt) {
}
