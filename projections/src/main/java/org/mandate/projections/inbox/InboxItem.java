package org.mandate.projections.inbox;

import org.mandate.projections.request.RequestView;

import java.math.BigDecimal;
import java.time.Instant;

public record InboxItem(String requestId, String stepId, String stepName, String title, String category,
                        BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                        Instant dueAt, Instant openedAt, RequestView.Vote vote) {

    /** A step for one holder, as before committee votes: no vote. */
    public InboxItem(String requestId, String stepId, String stepName, String title, String category,
                     BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                     Instant dueAt, Instant openedAt) {
        this(requestId, stepId, stepName, title, category, amount, currency, requester, assignee, onBehalfOf, dueAt,
                openedAt, null);
    }
}
