package org.mandate.projections.insights;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.ManagerChanged;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateRevoked;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestClosed;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepOpened;
import org.mandate.domain.request.StepReassigned;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Records, per step, who held it, who decided it, under whose authority, how long it waited and whether the
 * decider stood below the top of the organisation at that moment. {@link InsightsReader} turns the rows into
 * figures. Keeps its own copy of the reporting lines, so a rebuild sees the organisation as it was when each
 * decision was taken.
 */
@ProcessingGroup(InsightsProjection.NAME)
public class InsightsProjection {

    public static final String NAME = "insights";

    static final String OPEN = "OPEN";
    static final String DECIDED = "DECIDED";
    /** The request ended (withdrawn, or closed by the path) while the step was still open. */
    static final String CLOSED = "CLOSED";
    /** A committee vote's quorum was met, or can no longer be met. */
    static final String MET = "MET";
    static final String FAILED = "FAILED";
    /** The committee of a one-from-each vote of groups alone, as the request view names it. */
    static final String GROUPS = "committees";

    private final JdbcTemplate jdbc;

    public InsightsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonJoined event) {
        jdbc.update("delete from insights_person where id = ?", event.personId().value());
        jdbc.update("insert into insights_person (id, name, manager_id, active) values (?, ?, ?, ?)",
                event.personId().value(), event.name(), event.manager() == null ? null : event.manager().value(), true);
    }

    @EventHandler
    void on(ManagerChanged event) {
        jdbc.update("update insights_person set manager_id = ? where id = ?",
                event.manager() == null ? null : event.manager().value(), event.personId().value());
    }

    @EventHandler
    void on(PersonLeft event) {
        jdbc.update("update insights_person set active = ? where id = ?", false, event.personId().value());
    }

    @EventHandler
    void on(MandateGranted event) {
        jdbc.update("delete from insights_mandate where id = ?", event.mandateId().toString());
        jdbc.update("insert into insights_mandate (id, grantor, holder, principal, valid_from, valid_until) "
                        + "values (?, ?, ?, ?, ?, ?)",
                event.mandateId().toString(), event.grantor().value(), event.holder().value(),
                event.principal().value(), Rows.timestamp(event.validFrom()), Rows.timestamp(event.validUntil()));
    }

    @EventHandler
    void on(MandateRevoked event) {
        jdbc.update("update insights_mandate set revoked_at = ? where id = ? and revoked_at is null",
                Rows.timestamp(event.revokedAt()), event.mandateId().toString());
    }

    @EventHandler
    void on(StepOpened event) {
        jdbc.update("insert into insights_step (step_id, request_id, assignee, status, opened_at) values (?, ?, ?, ?, ?)",
                event.stepId().value(), event.requestId().toString(), event.assignee().value(), OPEN,
                Rows.timestamp(event.openedAt()));
    }

    @EventHandler
    void on(StepDecided event) {
        Instant openedAt = jdbc.query("select opened_at from insights_step where step_id = ?",
                (row, n) -> Rows.instant(row, "opened_at"), event.stepId().value()).stream().findFirst().orElse(null);
        if (openedAt == null) {
            return; // a decision on a step this projection never saw opened cannot be timed
        }
        long waited = Math.max(0, Duration.between(openedAt, event.decidedAt()).toSeconds());
        jdbc.update("update insights_step set status = ?, decided_by = ?, on_behalf_of = ?, mandate_id = ?, "
                        + "decided_at = ?, decision_seconds = ?, below_top = ? where step_id = ?",
                DECIDED, event.decidedBy().value(), event.onBehalfOf() == null ? null : event.onBehalfOf().value(),
                event.mandateId(), Rows.timestamp(event.decidedAt()), waited, hasManager(event.decidedBy().value()),
                event.stepId().value());
    }

    /** The step now waits with the person above; the one it came from counts as having let it sit. */
    @EventHandler
    void on(StepEscalated event) {
        jdbc.update("update insights_step set assignee = ? where step_id = ?", event.to().value(),
                event.stepId().value());
        jdbc.update("insert into insights_escalation (step_id, from_person, to_person, automatic, escalated_at) "
                        + "values (?, ?, ?, ?, ?)",
                event.stepId().value(), event.from().value(), event.to().value(), event.by() == null,
                Rows.timestamp(event.escalatedAt()));
    }

    @EventHandler
    void on(StepReassigned event) {
        jdbc.update("update insights_step set assignee = ? where step_id = ?", event.to().value(),
                event.stepId().value());
    }

    @EventHandler
    void on(QuorumStepOpened event) {
        jdbc.update("delete from insights_vote where step_id = ?", event.stepId().value());
        jdbc.update("insert into insights_vote (step_id, request_id, committee_id, rule, status, opened_at) "
                        + "values (?, ?, ?, ?, ?, ?)", event.stepId().value(), event.requestId().toString(),
                event.committeeId() == null ? GROUPS : event.committeeId().value(), event.rule(), OPEN,
                Rows.timestamp(event.openedAt()));
    }

    @EventHandler
    void on(QuorumMet event) {
        voteClosed(event.stepId().value(), MET, event.metAt());
    }

    @EventHandler
    void on(QuorumFailed event) {
        voteClosed(event.stepId().value(), FAILED, event.failedAt());
    }

    /** Approved, rejected or withdrawn. */
    @EventHandler
    void on(RequestClosed event) {
        close(event.requestId().toString());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from insights_step");
        jdbc.update("delete from insights_vote");
        jdbc.update("delete from insights_escalation");
        jdbc.update("delete from insights_mandate");
        jdbc.update("delete from insights_person");
    }

    /** "Below the top" means the decider reports to someone; the people nobody manages are the top. */
    private boolean hasManager(String personId) {
        return !jdbc.queryForList("select manager_id from insights_person where id = ? and manager_id is not null",
                String.class, personId).isEmpty();
    }

    private void close(String requestId) {
        jdbc.update("update insights_step set status = ? where request_id = ? and status = ?", CLOSED, requestId, OPEN);
        jdbc.update("update insights_vote set status = ? where request_id = ? and status = ?", CLOSED, requestId, OPEN);
    }

    /** Time to quorum runs from the vote opening to the moment the aggregate recorded it met or failed. */
    private void voteClosed(String stepId, String status, Instant at) {
        Instant openedAt = jdbc.query("select opened_at from insights_vote where step_id = ?",
                (row, n) -> Rows.instant(row, "opened_at"), stepId).stream().findFirst().orElse(null);
        if (openedAt == null) {
            return; // a vote this projection never saw opened cannot be timed
        }
        jdbc.update("update insights_vote set status = ?, closed_at = ?, decision_seconds = ? where step_id = ?",
                status, Rows.timestamp(at), Math.max(0, Duration.between(openedAt, at).toSeconds()), stepId);
    }
}
