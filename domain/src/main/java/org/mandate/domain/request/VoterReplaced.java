package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A voter who left handed their seat on an open committee vote to {@code successor}, a member of the committee who
 * was not voting on it (see SeatSuccessionPolicy). The leaver's ballot, cast or not, no longer counts; the successor
 * votes afresh, and the quorum needs what it needed before.
 */
public record VoterReplaced(RequestId requestId, StepId stepId, PersonId voter, PersonId successor, String reason,
                            Instant replacedAt) {
}
