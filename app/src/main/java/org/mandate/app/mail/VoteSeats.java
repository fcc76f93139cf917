package org.mandate.app.mail;

import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's seats on open committee votes (mail_vote_seat): one per voter who has not voted yet, so each is told
 * and reminded on their own. A seat goes when its voter votes (directly or through a mandate), is taken off the vote
 * (they left), or the vote closes; the reminder passes never see it again.
 */
class VoteSeats {

    private final JdbcTemplate jdbc;

    VoteSeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The vote opened (or reached these voters) at {@code at}; a seat already there starts over. */
    void opened(String stepId, String requestId, List<String> voters, Instant dueAt, Instant at) {
        for (String voter : voters) {
            jdbc.update("delete from mail_vote_seat where step_id = ? and voter = ?", stepId, voter);
            jdbc.update("insert into mail_vote_seat (step_id, voter, request_id, due_at, arrived_at, soon_queued, "
                            + "overdue_queued) values (?, ?, ?, ?, ?, ?, ?)", stepId, voter, requestId,
                    Rows.timestamp(dueAt), Rows.timestamp(at), false, false);
        }
    }

    /** The seat's voter voted or is off the vote: nothing more to tell or remind them. */
    void closed(String stepId, String voter) {
        jdbc.update("delete from mail_vote_seat where step_id = ? and voter = ?", stepId, voter);
    }

    void stepClosed(String stepId) {
        jdbc.update("delete from mail_vote_seat where step_id = ?", stepId);
    }

    void requestClosed(String requestId) {
        jdbc.update("delete from mail_vote_seat where request_id = ?", requestId);
    }

    /** The voters of the request's open votes who have not voted, in order of arrival. */
    List<String> voters(String requestId) {
        return jdbc.queryForList("select voter from mail_vote_seat where request_id = ? order by arrived_at, voter",
                String.class, requestId);
    }

    /** The voter's seat, while they have not voted on the open vote. */
    MailNotices.DueStep seat(String stepId, String voter) {
        return jdbc.query("select * from mail_vote_seat where step_id = ? and voter = ?", (row, n) -> seat(row),
                stepId, voter).stream().findFirst().orElse(null);
    }

    /** The vote's due time, as its seats hold it; null when it has none or no seat is left. */
    Instant dueAt(String stepId) {
        return jdbc.query("select due_at from mail_vote_seat where step_id = ? and due_at is not null fetch first 1 "
                + "rows only", (row, n) -> Rows.instant(row, "due_at"), stepId).stream().findFirst().orElse(null);
    }

    /** Whether anyone still has to vote on it: the vote is open. */
    boolean open(String stepId) {
        Integer seats = jdbc.queryForObject("select count(*) from mail_vote_seat where step_id = ?", Integer.class,
                stepId);
        return seats != null && seats > 0;
    }

    /** Seats due within [now, soonUntil] not reminded yet, the holder being the voter. */
    List<MailNotices.DueStep> dueSoon(Instant now, Instant soonUntil, int limit) {
        return jdbc.query("select * from mail_vote_seat where due_at > ? and due_at <= ? and soon_queued = ? "
                        + "and arrived_at < due_at order by due_at, step_id fetch first " + limit + " rows only",
                (row, n) -> seat(row), Rows.timestamp(now), Rows.timestamp(soonUntil), false);
    }

    /** Seats overdue since {@code since} or later that their voter had before the due time, not reminded yet. */
    List<MailNotices.DueStep> overdue(Instant since, Instant now, int limit) {
        return jdbc.query("select * from mail_vote_seat where due_at > ? and due_at <= ? and overdue_queued = ? "
                        + "and arrived_at < due_at order by due_at, step_id fetch first " + limit + " rows only",
                (row, n) -> seat(row), Rows.timestamp(since), Rows.timestamp(now), false);
    }

    void reminded(String stepId, String voter, boolean overdue) {
        jdbc.update("update mail_vote_seat set " + (overdue ? "overdue_queued" : "soon_queued") + " = ? where "
                + "step_id = ? and voter = ?", true, stepId, voter);
    }

    private static MailNotices.DueStep seat(ResultSet row) throws SQLException {
        return new MailNotices.DueStep(row.getString("step_id"), row.getString("request_id"), row.getString("voter"),
                Rows.instant(row, "due_at"));
    }
}
