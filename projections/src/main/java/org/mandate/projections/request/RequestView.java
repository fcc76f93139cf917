package org.mandate.projections.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record RequestView(String id, String title, String category, BigDecimal amount, String currency,
                          String description, String requester, String processKey, String status,
                          Instant submittedAt, Instant closedAt, List<StepView> steps, List<Comment> comments) {

    public RequestView {
        steps = List.copyOf(steps);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /**
     * {@code assignee} decides the step now; {@code lentBy} is set while the holder has lent it to them.
     * {@code holders} is everyone who may decide it now: the assignee and anyone with a mandate covering it.
     */
    public record StepView(String id, String name, String status, String assignee, List<String> holders,
                           Instant dueAt, Instant openedAt, Decision decision, String lentBy) {

        public StepView withHolders(List<String> everyone) {
            return new StepView(id, name, status, assignee, List.copyOf(everyone), dueAt, openedAt, decision, lentBy);
        }
    }

    public RequestView withSteps(List<StepView> replaced) {
        return new RequestView(id, title, category, amount, currency, description, requester, processKey, status,
                submittedAt, closedAt, List.copyOf(replaced), comments);
    }

    /** A comment, oldest first in {@link #comments()}; {@code mentions} are the people its @names reached. */
    public record Comment(String id, String author, String text, List<String> mentions, Instant at) {
    }

    public record Decision(String outcome, String decidedBy, String onBehalfOf, String mandateId, String rationale,
                           Instant at) {
    }

    /**
     * Everyone who took part: the requester, whoever holds, lent or decided a step, and on whose behalf it was
     * decided. A holder who lent a step out keeps sight of it, so they can take it back.
     */
    public boolean involves(String personId) {
        return requester.equals(personId) || steps.stream().anyMatch(step -> step.assignee().equals(personId)
                || step.holders().contains(personId) || personId.equals(step.lentBy())
                || (step.decision() != null && (personId.equals(step.decision().decidedBy())
                        || personId.equals(step.decision().onBehalfOf()))));
    }
}
