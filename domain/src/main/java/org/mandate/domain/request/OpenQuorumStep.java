package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.FreeText;
import org.mandate.domain.committee.CommitteeId;

import java.time.Instant;

/**
 * Sent by the engine when the path reaches a user task marked as a committee vote: {@code committee} decides it
 * under {@code rule} (see {@link QuorumRule}). {@code committee} may be null for a one-from-each rule, whose groups
 * are committees themselves.
 */
public record OpenQuorumStep(@TargetAggregateIdentifier RequestId requestId, StepId stepId, String name,
                             CommitteeId committee, String rule, Instant dueAt, String pathVersion)
        implements FreeText.Unchecked {
}
