package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A step was sent back to the requester with a question. The step stays with its holder but is paused: it cannot be
 * decided, lent or escalated, and its time limit does not run, until {@link MoreInformationProvided}.
 * {@code onBehalfOf} is the holder when someone else asked for them (the colleague it is lent to, a mandate holder);
 * {@code mandateId} is set when that was under a standing mandate.
 */
public record MoreInformationRequested(RequestId requestId, StepId stepId, PersonId askedBy, PersonId onBehalfOf,
                                       String mandateId,
                                       @Personal(subject = "askedBy", request = "requestId") String question,
                                       Instant askedAt) {
}
