package org.mandate.projections.request;

import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestStatus;
import org.mandate.domain.request.VoteCast;
import org.mandate.domain.request.VoterRemoved;
import org.mandate.domain.request.VoterReplaced;
import org.mandate.projections.Rows;
import org.mandate.projections.inbox.InboxItem;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committee votes of the request view (tables vote_step and vote_voter), written by its handlers in the same
 * transaction, so a voter's answer already shows the tally. A vote step also gets its request_step_view row, with
 * the committee as assignee, so the request's steps stay in one list.
 */
final class CommitteeVoteRows {

    /** The assignee of a vote whose groups are committees of their own (one from each of ...). */
    static final String GROUPS = "committees";

    private final JdbcTemplate jdbc;

    CommitteeVoteRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void opened(QuorumStepOpened event) {
        String committee = event.committeeId() == null ? null : event.committeeId().value();
        jdbc.update("insert into request_step_view (id, request_id, name, status, assignee, due_at, opened_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                event.stepId().value(), event.requestId().toString(), event.name(), RequestViewProjection.OPEN,
                committee == null ? GROUPS : committee, Rows.timestamp(event.dueAt()),
                Rows.timestamp(event.openedAt()));
        jdbc.update("insert into vote_step (step_id, request_id, committee_id, rule, needed, left_out) "
                        + "values (?, ?, ?, ?, ?, ?)", event.stepId().value(), event.requestId().toString(), committee,
                event.rule(), event.needed(), event.leftOut() == null ? null : event.leftOut().value());
        List<Object[]> voters = new ArrayList<>();
        for (int i = 0; i < event.voters().size(); i++) {
            voters.add(new Object[]{event.stepId().value(), event.voters().get(i).value(), i});
        }
        jdbc.batchUpdate("insert into vote_voter (step_id, voter, position) values (?, ?, ?)", voters);
    }

    void cast(VoteCast event) {
        jdbc.update("update vote_voter set vote = ?, voted_by = ?, mandate_id = ?, rationale = ?, voted_at = ? "
                        + "where step_id = ? and voter = ?", event.outcome().name(), event.votedBy().value(),
                event.mandateId(), event.rationale(), Rows.timestamp(event.castAt()), event.stepId().value(),
                event.voter().value());
    }

    void removed(VoterRemoved event) {
        jdbc.update("delete from vote_voter where step_id = ? and voter = ?", event.stepId().value(),
                event.voter().value());
        jdbc.update("update vote_step set needed = ? where step_id = ?", event.needed(), event.stepId().value());
    }

    /** The successor sits where the leaver sat, with no ballot yet: the leaver's no longer counts. */
    void replaced(VoterReplaced event) {
        jdbc.update("update vote_voter set voter = ?, vote = null, voted_by = null, mandate_id = null, "
                        + "rationale = null, voted_at = null where step_id = ? and voter = ?",
                event.successor().value(), event.stepId().value(), event.voter().value());
    }

    void met(QuorumMet event) {
        close(event.stepId().value(), "APPROVED", null, event.metAt());
    }

    void failed(QuorumFailed event) {
        close(event.stepId().value(), "REJECTED", event.reason(), event.failedAt());
    }

    private void close(String stepId, String outcome, String reason, java.time.Instant at) {
        jdbc.update("update vote_step set outcome = ?, reason = ?, closed_at = ? where step_id = ?", outcome, reason,
                Rows.timestamp(at), stepId);
        jdbc.update("update request_step_view set status = ?, outcome = ?, rationale = ?, decided_at = ? "
                + "where id = ?", outcome, outcome, reason, Rows.timestamp(at), stepId);
    }

    void reset() {
        jdbc.update("delete from vote_voter");
        jdbc.update("delete from vote_step");
    }

    /** The votes of a request's steps, by step id. */
    Map<String, RequestView.Vote> votesOf(String requestId) {
        Map<String, List<RequestView.Ballot>> ballots = new LinkedHashMap<>();
        jdbc.query("select v.* from vote_voter v join vote_step s on s.step_id = v.step_id where s.request_id = ? "
                + "order by v.step_id, v.position", row -> {
                    ballots.computeIfAbsent(row.getString("step_id"), id -> new ArrayList<>()).add(ballot(row));
                }, requestId);
        Map<String, RequestView.Vote> votes = new LinkedHashMap<>();
        jdbc.query("select * from vote_step where request_id = ?", row -> {
            String stepId = row.getString("step_id");
            votes.put(stepId, vote(row, ballots.getOrDefault(stepId, List.of())));
        }, requestId);
        return votes;
    }

    /** The open votes this person sits on, as inbox items with the tally, on requests still in review. */
    List<InboxItem> openVotesOf(String voter) {
        List<String[]> found = jdbc.query("select s.step_id, s.request_id from vote_voter v join vote_step s on "
                + "s.step_id = v.step_id join request_view r on r.id = s.request_id where v.voter = ? and s.outcome is "
                + "null and r.status = ?", (row, n) -> new String[]{row.getString("step_id"),
                row.getString("request_id")}, voter, RequestStatus.IN_REVIEW.name());
        List<InboxItem> items = new ArrayList<>();
        for (String[] step : found) {
            RequestView.Vote vote = votesOf(step[1]).get(step[0]);
            jdbc.query("select st.name, st.due_at, st.opened_at, r.title, r.category, r.amount, r.currency, "
                    + "r.requester from request_step_view st join request_view r on r.id = st.request_id "
                    + "where st.id = ?", row -> {
                        items.add(new InboxItem(step[1], step[0], row.getString("name"),
                                row.getString("title"), row.getString("category"), row.getBigDecimal("amount"),
                                row.getString("currency"), row.getString("requester"), voter, null,
                                Rows.instant(row, "due_at"), Rows.instant(row, "opened_at"), vote));
                    }, step[0]);
        }
        return items;
    }

    private static RequestView.Ballot ballot(java.sql.ResultSet row) throws java.sql.SQLException {
        return new RequestView.Ballot(row.getString("voter"), row.getString("vote"), row.getString("voted_by"),
                row.getString("mandate_id"), row.getString("rationale"), Rows.instant(row, "voted_at"));
    }

    private static RequestView.Vote vote(java.sql.ResultSet row, List<RequestView.Ballot> ballots)
            throws java.sql.SQLException {
        int approvals = (int) ballots.stream().filter(ballot -> "APPROVED".equals(ballot.vote())).count();
        int rejections = (int) ballots.stream().filter(ballot -> "REJECTED".equals(ballot.vote())).count();
        List<String> stillToVote = ballots.stream().filter(ballot -> ballot.vote() == null)
                .map(RequestView.Ballot::voter).toList();
        return new RequestView.Vote(row.getString("committee_id"), row.getString("rule"), row.getInt("needed"),
                approvals, rejections, ballots, stillToVote, row.getString("left_out"), row.getString("outcome"),
                row.getString("reason"));
    }
}
