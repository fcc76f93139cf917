package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.util.List;

/** Read access to the open committee votes a person sits on; implemented by the request view. */
public interface OpenVotes {

    /** One open vote: the request and its vote step. */
    record OpenVote(RequestId requestId, StepId stepId) {
    }

    List<OpenVote> of(PersonId voter);
}
