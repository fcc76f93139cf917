package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/** The committee step's quorum can no longer be met ({@code reason} says why): it is rejected. */
public record QuorumFailed(RequestId requestId, StepId stepId, String rule, List<PersonId> rejectedBy, String reason,
                           Instant failedAt) {
}
