package org.mandate.domain.request;

import org.mandate.domain.Money;
import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;

public record RequestSubmitted(RequestId requestId,
                               @Personal(subject = "requester", request = "requestId") String title, String category,
                               BigDecimal amount, String currency,
                               @Personal(subject = "requester", request = "requestId") String description,
                               PersonId requester, String processKey, Instant submittedAt) {

    /**
     * The amount asked for. A method rather than a component, so that the stored event keeps its {@code amount}
     * and {@code currency} fields.
     */
    public Money money() {
        return Money.of(amount, currency);
    }
}
