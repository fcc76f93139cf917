package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;

public record RequestSubmitted(RequestId requestId, String title, String category, BigDecimal amount, String currency,
                               String description, PersonId requester, String processKey, Instant submittedAt) {
}
