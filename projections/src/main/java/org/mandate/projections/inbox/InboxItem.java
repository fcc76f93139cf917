package org.mandate.projections.inbox;

import java.math.BigDecimal;
import java.time.Instant;

public record InboxItem(String requestId, String stepId, String stepName, String title, String category,
                        BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                        Instant dueAt, Instant openedAt) {
}
