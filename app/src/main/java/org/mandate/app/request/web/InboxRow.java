package org.mandate.app.request.web;

import org.mandate.app.web.Moments;
import org.mandate.app.web.voice.Messages;
import org.mandate.projections.inbox.InboxItem;

import java.time.Instant;
import java.util.Comparator;

/** One step in the inbox as the page shows it: how long it has waited and whether it is overdue. */
public record InboxRow(InboxItem item, boolean overdue, String waiting, String due, boolean fresh) {

    /** Overdue steps first, the longest overdue on top; then the rest, the longest waiting on top. */
    static final Comparator<InboxRow> URGENT_FIRST = Comparator.comparing(InboxRow::overdue).reversed()
            .thenComparing(row -> row.overdue() ? row.item().dueAt() : Instant.MAX)
            .thenComparing(row -> row.item().openedAt())
            .thenComparing(row -> row.item().stepId());

    static InboxRow of(InboxItem item, Instant now, boolean fresh) {
        boolean overdue = item.overdueAt(now);
        String due = item.waitingForAnswer() ? Messages.of("inbox.due.paused")
                : item.dueAt() == null ? Messages.of("inbox.due.none")
                : overdue ? Moments.overdueBy(item.dueAt(), now)
                : Moments.dueIn(now, item.dueAt());
        return new InboxRow(item, overdue, Moments.span(item.openedAt(), now), due, fresh);
    }

    /** What the page sends back when it polls, so the server can tell what appeared and what left. */
    public String key() {
        return item.requestId() + ":" + item.stepId();
    }
}
