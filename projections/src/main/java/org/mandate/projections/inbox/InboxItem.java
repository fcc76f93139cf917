package org.mandate.projections.inbox;

import org.mandate.projections.request.RequestView;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step in someone's inbox. {@code waitingForAnswer}: the step was sent back to its requester with
 * {@code question} at {@code waitingSince} and waits for the answer; its clock stands still meanwhile, so it is never
 * overdue, and {@code dueAt} is the due date it had when sent back (the answer moves it by the pause).
 */
public record InboxItem(String requestId, String stepId, String stepName, String title, String category,
                        BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                        Instant dueAt, Instant openedAt, RequestView.Vote vote, boolean waitingForAnswer,
                        Instant waitingSince, String question) {

    /** A step for one holder, as before committee votes: no vote, not sent back. */
    public InboxItem(String requestId, String stepId, String stepName, String title, String category,
                     BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                     Instant dueAt, Instant openedAt) {
        this(requestId, stepId, stepName, title, category, amount, currency, requester, assignee, onBehalfOf, dueAt,
                openedAt, null);
    }

    /** A step with its committee vote (or none), not sent back: a vote never is. */
    public InboxItem(String requestId, String stepId, String stepName, String title, String category,
                     BigDecimal amount, String currency, String requester, String assignee, String onBehalfOf,
                     Instant dueAt, Instant openedAt, RequestView.Vote vote) {
        this(requestId, stepId, stepName, title, category, amount, currency, requester, assignee, onBehalfOf, dueAt,
                openedAt, vote, false, null, null);
    }

    /** Past its due date at {@code now}: never while it waits for the answer, as its clock stands still. */
    public boolean overdueAt(Instant now) {
        return !waitingForAnswer && dueAt != null && dueAt.isBefore(now);
    }

    /** The same step in someone's inbox on {@code principal}'s behalf. */
    public InboxItem onBehalfOf(String principal) {
        return new InboxItem(requestId, stepId, stepName, title, category, amount, currency, requester, assignee,
                principal, dueAt, openedAt, vote, waitingForAnswer, waitingSince, question);
    }

    /** The same step with the text of the question it waits on. */
    public InboxItem asking(String text) {
        return new InboxItem(requestId, stepId, stepName, title, category, amount, currency, requester, assignee,
                onBehalfOf, dueAt, openedAt, vote, waitingForAnswer, waitingSince, text);
    }
}
