package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** A voter was taken off an open committee vote (they left); {@code needed} is the recomputed quorum. */
public record VoterRemoved(RequestId requestId, StepId stepId, PersonId voter, String reason, int needed,
                           Instant removedAt) {
}
