package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Duration;
import java.time.Instant;

/**
 * The requester answered the question of {@link MoreInformationRequested}: the step resumes with the same holder.
 * {@code title} and {@code description} are set only when the answer changed them. {@code paused} is how long the
 * step waited; {@code dueAt} is its new due date, the old one moved by the pause (null if it had none), so the
 * paused time does not count against the holder's time limit.
 */
public record MoreInformationProvided(RequestId requestId, StepId stepId, PersonId by,
                                      @Personal(subject = "by", request = "requestId") String answer,
                                      @Personal(subject = "by", request = "requestId") String title,
                                      @Personal(subject = "by", request = "requestId") String description,
                                      Duration paused, Instant dueAt, Instant answeredAt) {
}
