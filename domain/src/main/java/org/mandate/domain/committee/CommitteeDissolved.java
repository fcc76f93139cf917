package org.mandate.domain.committee;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** The committee ended; its members and authority with it, its history stays. */
public record CommitteeDissolved(CommitteeId committeeId, PersonId dissolvedBy, Instant dissolvedAt) {
}
