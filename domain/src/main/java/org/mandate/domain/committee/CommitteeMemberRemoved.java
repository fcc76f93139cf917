package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * The person no longer sits on the committee; {@code departed} when it was because they left the organisation.
 */
public record CommitteeMemberRemoved(CommitteeId committeeId, PersonId personId, PersonId removedBy, boolean departed,
                                     Instant removedAt) {
}
