package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/** The committee step's quorum was met: it is approved, by the members in {@code approvedBy}. */
public record QuorumMet(RequestId requestId, StepId stepId, String rule, List<PersonId> approvedBy, Instant metAt) {
}
