package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/**
 * The path's time limit on an open committee vote passed: the vote stays with the committee (nobody outside it gains
 * a say), and {@code stillToVote} are the voters whose vote is missing, who are chased, with their managers told.
 * Recorded each time the limit passes (a repeating timer records it again), never after the vote closed.
 */
public record VoteOverdue(RequestId requestId, StepId stepId, List<PersonId> stillToVote, String reason,
                          Instant overdueAt) {

    public VoteOverdue {
        stillToVote = List.copyOf(stillToVote);
    }
}
