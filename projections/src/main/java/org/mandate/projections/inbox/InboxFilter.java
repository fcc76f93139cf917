package org.mandate.projections.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which open steps an inbox read keeps, and in which order. Every field may be null (no condition); the inbox
 * projection turns the conditions into a WHERE clause and the order into an ORDER BY, so a large inbox is narrowed
 * by the database, not in memory.
 *
 * @param overdue    true: only steps past their deadline at {@code now}; false: only steps not past it (or with none).
 *                   A step waiting for its requester's answer is never past it: its clock stands still
 * @param dueBefore  only steps with a deadline before this instant (not one that waits: its deadline is not set)
 * @param text       a piece of the request's title, any case
 * @param sort       null: overdue first, the longest overdue on top, then the longest waiting (the page's order)
 */
public record InboxFilter(String category, String requester, BigDecimal minAmount, BigDecimal maxAmount,
                          Boolean overdue, Instant dueBefore, String text, Sort sort, boolean descending,
                          Instant now) {

    /** No condition, the page's order. */
    public static InboxFilter none(Instant now) {
        return new InboxFilter(null, null, null, null, null, null, null, null, false, now);
    }

    /** {@code due}: the nearest deadline first, steps without one last; {@code age}: the longest waiting first. */
    public enum Sort {
        DUE, AGE, AMOUNT;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The conditions as SQL on {@code inbox_item i}, each starting with " and ", with their arguments appended. */
    String where(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (category != null) {
            sql.append(" and i.category = ?");
            args.add(category);
        }
        if (requester != null) {
            sql.append(" and i.requester = ?");
            args.add(requester);
        }
        if (minAmount != null) {
            sql.append(" and i.amount >= ?");
            args.add(minAmount);
        }
        if (maxAmount != null) {
            sql.append(" and i.amount <= ?");
            args.add(maxAmount);
        }
        // a step waiting for its requester's answer has its clock stopped: never overdue, and no deadline yet
        if (Boolean.TRUE.equals(overdue)) {
            sql.append(" and i.due_at < ? and i.waiting_since is null");
            args.add(org.mandate.projections.Rows.timestamp(now));
        } else if (Boolean.FALSE.equals(overdue)) {
            sql.append(" and (i.due_at is null or i.due_at >= ? or i.waiting_since is not null)");
            args.add(org.mandate.projections.Rows.timestamp(now));
        }
        if (dueBefore != null) {
            sql.append(" and i.due_at < ? and i.waiting_since is null");
            args.add(org.mandate.projections.Rows.timestamp(dueBefore));
        }
        if (text != null) {
            sql.append(" and lower(i.title) like ? escape '\\'");
            args.add("%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return sql.toString();
    }

    /** The order as SQL; ties always broken by when the step opened, then its id, so pages never overlap. */
    String orderBy(List<Object> args) {
        String direction = descending ? " desc" : "";
        if (sort == null) {
            args.add(org.mandate.projections.Rows.timestamp(now));
            args.add(org.mandate.projections.Rows.timestamp(now));
            return " order by case when i.due_at < ? and i.waiting_since is null then 0 else 1 end, "
                    + "case when i.due_at < ? and i.waiting_since is null then i.due_at end, i.opened_at, i.step_id";
        }
        return switch (sort) {
            case DUE -> " order by case when i.due_at is null or i.waiting_since is not null then 1 else 0 end, "
                    + "i.due_at" + direction
                    + ", i.opened_at, i.step_id";
            case AGE -> " order by i.opened_at" + direction + ", i.step_id" + direction;
            case AMOUNT -> " order by i.amount" + direction + ", i.opened_at, i.step_id";
        };
    }

    /** The conditions of {@link #where} on an item read elsewhere (a committee vote), in memory. */
    public boolean matches(InboxItem item) {
        return (category == null || category.equals(item.category()))
                && (requester == null || requester.equals(item.requester()))
                && (minAmount == null || item.amount().compareTo(minAmount) >= 0)
                && (maxAmount == null || item.amount().compareTo(maxAmount) <= 0)
                && (overdue == null || overdue == overdueAt(item))
                && (dueBefore == null || !item.waitingForAnswer() && item.dueAt() != null
                && item.dueAt().isBefore(dueBefore))
                && (text == null || item.title().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
    }

    /** The same order as {@link #orderBy}, to merge rows read from several queries. */
    public Comparator<InboxItem> comparator() {
        Comparator<InboxItem> tie = Comparator.comparing(InboxItem::openedAt).thenComparing(InboxItem::stepId);
        if (sort == null) {
            return Comparator.comparing((InboxItem item) -> overdueAt(item) ? 0 : 1)
                    .thenComparing(item -> overdueAt(item) ? item.dueAt() : Instant.MAX)
                    .thenComparing(tie);
        }
        return switch (sort) {
            case DUE -> Comparator.comparing((InboxItem item) -> item.dueAt() == null || item.waitingForAnswer() ? 1 : 0)
                    .thenComparing(item -> item.dueAt() == null ? Instant.MAX : item.dueAt(),
                            descending ? Comparator.<Instant>reverseOrder() : Comparator.<Instant>naturalOrder())
                    .thenComparing(tie);
            case AGE -> descending ? tie.reversed() : tie;
            case AMOUNT -> Comparator.comparing(InboxItem::amount,
                            descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder())
                    .thenComparing(tie);
        };
    }

    private boolean overdueAt(InboxItem item) {
        return item.overdueAt(now);
    }

    static List<Object> args() {
        return new ArrayList<>();
    }
}
