package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * One vote in a committee step: {@code voter} is the member whose vote it is, {@code votedBy} who cast it (the
 * member, or someone holding mandate {@code mandateId} from them). {@code replaces} is the member's earlier vote
 * when this one changes it, else null: every change is its own event.
 */
public record VoteCast(RequestId requestId, StepId stepId, PersonId voter, Outcome outcome, PersonId votedBy,
                       String mandateId, @Personal(subject = "votedBy", request = "requestId") String rationale,
                       Outcome replaces, Instant castAt) {
}
