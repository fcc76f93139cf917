package org.mandate.domain.request;

import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A committee vote opened. {@code voters} is the snapshot of who may vote (the committee's members when it opened,
 * without the requester, who is named in {@code leftOut} when they sit on it); {@code groups} holds each group's
 * voters for a one-from-each rule, else is empty; {@code needed} is how many approvals meet the quorum.
 */
public record QuorumStepOpened(RequestId requestId, StepId stepId, String name, CommitteeId committeeId, String rule,
                               List<PersonId> voters, Map<String, List<PersonId>> groups, PersonId leftOut,
                               int needed, Instant dueAt, Instant openedAt, String pathVersion) {
}
