package org.mandate.projections.inbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepDelegated;
import org.mandate.domain.request.StepDelegationRecalled;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepReassigned;
import org.mandate.domain.request.StepOpened;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Open steps per person, newest last; a closed step leaves the inbox. */
@ProcessingGroup(InboxProjection.NAME)
public class InboxProjection {

    public static final String NAME = "inbox";

    private final JdbcTemplate jdbc;

    public InboxProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestSubmitted event) {
        jdbc.update("insert into inbox_request (request_id, title, category, amount, currency, requester) "
                        + "values (?, ?, ?, ?, ?, ?)",
                event.requestId().toString(), event.title(), event.category(), event.amount(), event.currency(),
                event.requester().value());
    }

    /** The step carries a copy of what the inbox shows of its request, so that reading an inbox joins nothing. */
    @EventHandler
    void on(StepOpened event) {
        jdbc.update("insert into inbox_item (step_id, request_id, step_name, assignee, due_at, opened_at, title, "
                        + "category, amount, currency, requester) "
                        + "select ?, request_id, ?, ?, ?, ?, title, category, amount, currency, requester "
                        + "from inbox_request where request_id = ?",
                event.stepId().value(), event.name(), event.assignee().value(), Rows.timestamp(event.dueAt()),
                Rows.timestamp(event.openedAt()), event.requestId().toString());
    }

    @EventHandler
    void on(StepDecided event) {
        jdbc.update("delete from inbox_item where step_id = ?", event.stepId().value());
    }

    /** A lent step shows in the colleague's inbox, on behalf of the holder who lent it. */
    @EventHandler
    void on(StepDelegated event) {
        moveTo(event.stepId().value(), event.to().value(), event.from().value());
    }

    @EventHandler
    void on(StepDelegationRecalled event) {
        moveTo(event.stepId().value(), event.by().value(), null);
    }

    @EventHandler
    void on(StepEscalated event) {
        moveTo(event.stepId().value(), event.to().value(), null);
    }

    @EventHandler
    void on(StepReassigned event) {
        moveTo(event.stepId().value(), event.to().value(), null);
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        close(event.requestId().toString());
    }

    @EventHandler
    void on(RequestApproved event) {
        close(event.requestId().toString());
    }

    @EventHandler
    void on(RequestRejected event) {
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
     * The steps this person holds themselves, not lent out: those someone with a mandate from them may decide.
     * Whether a mandate covers each one is for the caller to say.
     */
    public List<InboxItem> heldInPerson(String personId) {
        return jdbc.query(SELECT + "where i.assignee = ? and i.on_behalf_of is null order by i.opened_at, i.step_id",
                InboxProjection::item, personId);
    }

    private static final String SELECT = "select i.* from inbox_item i ";

    private static InboxItem item(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new InboxItem(row.getString("request_id"), row.getString("step_id"),
                row.getString("step_name"), row.getString("title"), row.getString("category"),
                row.getBigDecimal("amount"), row.getString("currency"), row.getString("requester"),
                row.getString("assignee"), row.getString("on_behalf_of"), Rows.instant(row, "due_at"),
                Rows.instant(row, "opened_at"));
    }

    private void moveTo(String stepId, String assignee, String onBehalfOf) {
        jdbc.update("update inbox_item set assignee = ?, on_behalf_of = ? where step_id = ?", assignee, onBehalfOf,
                stepId);
    }

    private void close(String requestId) {
        jdbc.update("delete from inbox_item where request_id = ?", requestId);
        jdbc.update("delete from inbox_request where request_id = ?", requestId);
    }
}
