package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;

public record RequestSubmitted(RequestId requestId,
                               @Personal(subject = "requester", request = "requestId") String title, String category,
                               BigDecimal amount, String currency,
                               @Personal(subject = "requester", request = "requestId") String description,
                               PersonId requester, String processKey, Instant submittedAt) {
}
