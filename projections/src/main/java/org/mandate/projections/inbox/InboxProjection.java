package org.mandate.projections.inbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.HeldStep;
import org.mandate.domain.directory.OpenWork;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.RequestClosed;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepMove;
import org.mandate.domain.request.StepOpened;
import org.mandate.projections.PerBatch;
import org.mandate.projections.Rows;
import org.mandate.projections.StepMoveWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Open steps per person, newest last; a closed step leaves the inbox. Also tells a departure every open step the
 * leaver holds, has on loan or has lent out.
 */
@ProcessingGroup(InboxProjection.NAME)
public class InboxProjection extends StepMoveWriter implements OpenWork {

    public static final String NAME = "inbox";

    private static final String BATCH = InboxProjection.class.getName() + "#batch";

    private final JdbcTemplate jdbc;

    public InboxProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestSubmitted event) {
        inBatch(batch -> batch.requests.put(event.requestId().toString(), new NewRequest(event.requestId().toString(),
                event.title(), event.category(), event.amount(), event.currency(), event.requester().value())));
    }

    /** The step carries a copy of what the inbox shows of its request, so that reading an inbox joins nothing. */
    @EventHandler
    void on(StepOpened event) {
        String requestId = event.requestId().toString();
        inBatch(batch -> {
            NewRequest request = batch.requests.get(requestId);
            if (request != null) {
                batch.items.put(event.stepId().value(), new NewStep(event.stepId().value(), request, event.name(),
                        event.assignee().value(), null, Rows.timestamp(event.dueAt()),
                        Rows.timestamp(event.openedAt()), null));
                return;
            }
            jdbc.update("insert into inbox_item (step_id, request_id, step_name, assignee, due_at, opened_at, title, "
                            + "category, amount, currency, requester) "
                            + "select ?, request_id, ?, ?, ?, ?, title, category, amount, currency, requester "
                            + "from inbox_request where request_id = ?",
                    event.stepId().value(), event.name(), event.assignee().value(), Rows.timestamp(event.dueAt()),
                    Rows.timestamp(event.openedAt()), requestId);
        });
    }

    @EventHandler
    void on(StepDecided event) {
        inBatch(batch -> {
            if (batch.items.remove(event.stepId().value()) == null) {
                jdbc.update("delete from inbox_item where step_id = ?", event.stepId().value());
            }
        });
    }

    /** A step sent back waits for its requester's answer: its clock stands still, so it is not overdue meanwhile. */
    @EventHandler
    void on(MoreInformationRequested event) {
        String stepId = event.stepId().value();
        OffsetDateTime since = Rows.timestamp(event.askedAt());
        inBatch(batch -> {
            NewStep step = batch.items.get(stepId);
            if (step != null) {
                batch.items.put(stepId, step.waiting(since));
                return;
            }
            jdbc.update("update inbox_item set waiting_since = ? where step_id = ?", since, stepId);
        });
    }

    /** An answer resumes a step sent back: its due date moved by the pause, and the title perhaps amended. */
    @EventHandler
    void on(MoreInformationProvided event) {
        resume(event.requestId().toString(), event.stepId().value(), event.dueAt(), event.title());
    }

    /** The requester left before answering: the step resumes unanswered, its due date moved by the pause. */
    @EventHandler
    void on(RequesterLeftBeforeAnswering event) {
        resume(event.requestId().toString(), event.stepId().value(), event.dueAt(), null);
    }

    private void resume(String requestId, String stepId, java.time.Instant dueAt, String newTitle) {
        OffsetDateTime due = Rows.timestamp(dueAt);
        inBatch(batch -> {
            NewRequest request = batch.requests.get(requestId);
            if (request != null) {
                NewRequest amended = newTitle == null ? request : request.titled(newTitle);
                batch.requests.put(requestId, amended);
                batch.items.replaceAll((id, step) -> !step.request().requestId().equals(requestId) ? step
                        : id.equals(stepId) ? step.of(amended, due).waiting(null) : step.of(amended, step.dueAt()));
                return;
            }
            jdbc.update("update inbox_item set due_at = ?, waiting_since = null where step_id = ?", due, stepId);
            if (newTitle != null) {
                jdbc.update("update inbox_request set title = ? where request_id = ?", newTitle, requestId);
                jdbc.update("update inbox_item set title = ? where request_id = ?", newTitle, requestId);
            }
        });
    }

    /** Approved, rejected or withdrawn. */
    @EventHandler
    void on(RequestClosed event) {
        close(event.requestId().toString());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from inbox_item");
        jdbc.update("delete from inbox_request");
    }

    /** The steps this person holds, or has on loan, oldest first. */
    public List<InboxItem> inboxOf(String personId) {
        return jdbc.query(SELECT + "where i.assignee = ? order by i.opened_at, i.step_id", InboxProjection::item,
                personId);
    }

    /**
     * The steps this person holds or has on loan that pass the filter, in its order. {@code onLoan}: null for both,
     * true for only those lent to them, false for only those they hold themselves.
     */
    public List<InboxItem> inboxOf(String personId, InboxFilter filter, Boolean onLoan) {
        List<Object> args = InboxFilter.args();
        args.add(personId);
        String sql = SELECT + "where i.assignee = ?"
                + (onLoan == null ? "" : onLoan ? " and i.on_behalf_of is not null" : " and i.on_behalf_of is null")
                + filter.where(args);
        sql += filter.orderBy(args);
        return jdbc.query(sql, InboxProjection::item, args.toArray());
    }

    /**
     * The steps this person holds themselves, not lent out and not requested by {@code notRequestedBy}, that pass the
     * filter, in its order: those someone with a mandate from them may decide.
     */
    public List<InboxItem> heldInPerson(String personId, String notRequestedBy, InboxFilter filter) {
        List<Object> args = InboxFilter.args();
        args.add(personId);
        args.add(notRequestedBy);
        String sql = SELECT + "where i.assignee = ? and i.on_behalf_of is null and i.requester <> ?"
                + filter.where(args);
        sql += filter.orderBy(args);
        return jdbc.query(sql, InboxProjection::item, args.toArray());
    }

    /**
     * The steps this person holds themselves, not lent out: those someone with a mandate from them may decide.
     * Whether a mandate covers each one is for the caller to say.
     */
    public List<InboxItem> heldInPerson(String personId) {
        return jdbc.query(SELECT + "where i.assignee = ? and i.on_behalf_of is null order by i.opened_at, i.step_id",
                InboxProjection::item, personId);
    }

    /** A lent step's row names the borrower as assignee and the holder who lent it as on_behalf_of. */
    @Override
    public List<HeldStep> of(PersonId person) {
        return jdbc.query(SELECT + "where i.assignee = ? or i.on_behalf_of = ? order by i.opened_at, i.step_id",
                (row, n) -> {
                    String lender = row.getString("on_behalf_of");
                    PersonId assignee = PersonId.of(row.getString("assignee"));
                    return new HeldStep(row.getString("request_id"), row.getString("step_id"), row.getString("title"),
                            PersonId.of(row.getString("requester")), lender == null ? assignee : PersonId.of(lender),
                            lender == null ? null : assignee);
                }, person.value(), person.value());
    }

    private static final String SELECT = "select i.* from inbox_item i ";

    private static InboxItem item(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new InboxItem(row.getString("request_id"), row.getString("step_id"),
                row.getString("step_name"), row.getString("title"), row.getString("category"),
                row.getBigDecimal("amount"), row.getString("currency"), row.getString("requester"),
                row.getString("assignee"), row.getString("on_behalf_of"), Rows.instant(row, "due_at"),
                Rows.instant(row, "opened_at"), null, row.getObject("waiting_since") != null,
                Rows.instant(row, "waiting_since"), null);
    }

    /**
     * The row names whoever decides the step now as assignee and, while it is lent out, its holder as on_behalf_of
     * (a lent step shows in the colleague's inbox, on behalf of the holder who lent it). The move names both, so the
     * row is written without being read first.
     */
    @Override
    protected void moveTo(StepMove move) {
        String stepId = move.stepId().value();
        String assignee = move.decider().value();
        String onBehalfOf = move.lender() == null ? null : move.lender().value();
        inBatch(batch -> {
            NewStep step = batch.items.get(stepId);
            if (step != null) {
                batch.items.put(stepId, step.heldBy(assignee, onBehalfOf));
                return;
            }
            jdbc.update("update inbox_item set assignee = ?, on_behalf_of = ? where step_id = ?", assignee, onBehalfOf,
                    stepId);
        });
    }

    /**
     * A request opened in this batch has all its steps in this batch too (a step is only ever opened on a request
     * the inbox has seen): closing it drops them from memory and writes nothing.
     */
    private void close(String requestId) {
        inBatch(batch -> {
            if (batch.requests.remove(requestId) != null) {
                batch.items.values().removeIf(step -> step.request().requestId().equals(requestId));
                return;
            }
            jdbc.update("delete from inbox_item where request_id = ?", requestId);
            jdbc.update("delete from inbox_request where request_id = ?", requestId);
        });
    }

    /**
     * Requests and steps first seen in the current batch of events, kept in memory and written as two JDBC batches
     * just before the batch commits (with its token). Most requests in a rebuild open and close within one batch of
     * events, so they cost the database nothing; a change to a row from an earlier batch goes to the database at
     * once, as it did before. Rows in memory are never in the database yet, so the two never overlap.
     */
    private static final class Batch {
        final Map<String, NewRequest> requests = new LinkedHashMap<>();
        final Map<String, NewStep> items = new LinkedHashMap<>();
    }

    /** An {@code inbox_request} row not written yet. */
    private record NewRequest(String requestId, String title, String category, BigDecimal amount, String currency,
                              String requester) {

        NewRequest titled(String newTitle) {
            return new NewRequest(requestId, newTitle, category, amount, currency, requester);
        }

        Object[] row() {
            return new Object[]{requestId, title, category, amount, currency, requester};
        }
    }

    /** An {@code inbox_item} row not written yet: the step, and a copy of what the inbox shows of its request. */
    private record NewStep(String stepId, NewRequest request, String name, String assignee, String onBehalfOf,
                           OffsetDateTime dueAt, OffsetDateTime openedAt, OffsetDateTime waitingSince) {

        NewStep of(NewRequest newRequest, OffsetDateTime newDueAt) {
            return new NewStep(stepId, newRequest, name, assignee, onBehalfOf, newDueAt, openedAt, waitingSince);
        }

        NewStep heldBy(String newAssignee, String newOnBehalfOf) {
            return new NewStep(stepId, request, name, newAssignee, newOnBehalfOf, dueAt, openedAt, waitingSince);
        }

        NewStep waiting(OffsetDateTime since) {
            return new NewStep(stepId, request, name, assignee, onBehalfOf, dueAt, openedAt, since);
        }

        Object[] row() {
            return new Object[]{stepId, request.requestId(), name, assignee, onBehalfOf, dueAt, openedAt,
                    request.title(), request.category(), request.amount(), request.currency(), request.requester(),
                    waitingSince};
        }
    }

    private void inBatch(Consumer<Batch> change) {
        PerBatch.change(BATCH, Batch::new, this::write, change);
    }

    private void write(Batch batch) {
        if (!batch.requests.isEmpty()) {
            jdbc.batchUpdate("insert into inbox_request (request_id, title, category, amount, currency, requester) "
                    + "values (?, ?, ?, ?, ?, ?)", batch.requests.values().stream().map(NewRequest::row).toList());
        }
        if (!batch.items.isEmpty()) {
            jdbc.batchUpdate("insert into inbox_item (step_id, request_id, step_name, assignee, on_behalf_of, due_at, "
                    + "opened_at, title, category, amount, currency, requester, waiting_since) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    batch.items.values().stream().map(NewStep::row).toList());
        }
    }
}
