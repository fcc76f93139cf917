package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.util.List;

/** Read access to the requests in review that wait for their requester's answer; implemented by the request view. */
public interface WaitingForAnswers {

    List<RequestId> awaitingAnswerFrom(PersonId requester);
}
