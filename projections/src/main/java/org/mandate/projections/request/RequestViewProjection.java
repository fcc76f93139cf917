package org.mandate.projections.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.AttachmentAdded;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.domain.request.WaitingForAnswers;
import org.mandate.domain.request.OpenVotes;
import org.mandate.domain.request.QuorumFailed;
import org.mandate.domain.request.QuorumMet;
import org.mandate.domain.request.QuorumStepOpened;
import org.mandate.domain.request.RequestApproved;
import org.mandate.domain.request.RequestCommented;
import org.mandate.domain.request.RequestRejected;
import org.mandate.domain.request.RequestStatus;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.RequestWithdrawn;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepId;
import org.mandate.domain.request.StepMove;
import org.mandate.domain.request.VoteCast;
import org.mandate.domain.request.VoterRemoved;
import org.mandate.domain.request.VoterReplaced;
import org.mandate.domain.request.StepOpened;
import org.mandate.projections.Rows;
import org.mandate.projections.StepMoveWriter;
import org.mandate.projections.inbox.InboxItem;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One row per request and per step, kept current from the request's events. */
@ProcessingGroup(RequestViewProjection.NAME)
public class RequestViewProjection extends StepMoveWriter implements OpenVotes, WaitingForAnswers {

    public static final String NAME = "request-view";

    /** Step states beyond the decision outcomes. */
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    private final JdbcTemplate jdbc;
    private final CommitteeVoteRows votes;
    private final AttachmentRows attachments;
    private final QuestionRows questions;

    public RequestViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.votes = new CommitteeVoteRows(jdbc);
        this.attachments = new AttachmentRows(jdbc);
        this.questions = new QuestionRows(jdbc);
    }

    @EventHandler
    void on(RequestSubmitted event) {
        jdbc.update("insert into request_view (id, title, category, amount, currency, description, requester, "
                        + "process_key, status, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.requestId().toString(), event.title(), event.category(), event.amount(), event.currency(),
                event.description(), event.requester().value(), event.processKey(), RequestStatus.IN_REVIEW.name(),
                Rows.timestamp(event.submittedAt()));
    }

    @EventHandler
    void on(StepOpened event) {
        jdbc.update("insert into request_step_view (id, request_id, name, status, assignee, due_at, opened_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                event.stepId().value(), event.requestId().toString(), event.name(), OPEN, event.assignee().value(),
                Rows.timestamp(event.dueAt()), Rows.timestamp(event.openedAt()));
    }

    @EventHandler
    void on(StepDecided event) {
        jdbc.update("update request_step_view set status = ?, outcome = ?, decided_by = ?, on_behalf_of = ?, "
                        + "mandate_id = ?, rationale = ?, decided_at = ? where id = ?",
                event.outcome().name(), event.outcome().name(), event.decidedBy().value(),
                event.onBehalfOf() == null ? null : event.onBehalfOf().value(), event.mandateId(),
                event.rationale(), Rows.timestamp(event.decidedAt()), event.stepId().value());
    }

    @EventHandler
    void on(QuorumStepOpened event) {
        votes.opened(event);
    }

    @EventHandler
    void on(VoteCast event) {
        votes.cast(event);
    }

    @EventHandler
    void on(VoterRemoved event) {
        votes.removed(event);
    }

    @EventHandler
    void on(VoterReplaced event) {
        votes.replaced(event);
    }

    @EventHandler
    void on(QuorumMet event) {
        votes.met(event);
    }

    @EventHandler
    void on(QuorumFailed event) {
        votes.failed(event);
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        close(event.requestId().toString(), RequestStatus.WITHDRAWN, event.withdrawnAt());
    }

    @EventHandler
    void on(RequestApproved event) {
        close(event.requestId().toString(), RequestStatus.APPROVED, event.approvedAt());
    }

    @EventHandler
    void on(RequestRejected event) {
        close(event.requestId().toString(), RequestStatus.REJECTED, event.rejectedAt());
    }

    @EventHandler
    void on(RequestCommented event) {
        String mentions = event.mentions().stream().map(PersonId::value).collect(Collectors.joining(" "));
        jdbc.update("insert into request_comment_view (id, request_id, author, text, mentions, commented_at) "
                        + "values (?, ?, ?, ?, ?, ?)", event.commentId(), event.requestId().toString(),
                event.by().value(), event.text(), mentions.isEmpty() ? null : mentions,
                Rows.timestamp(event.commentedAt()));
    }

    @EventHandler
    void on(AttachmentAdded event) {
        attachments.added(event);
    }

    @EventHandler
    void on(MoreInformationRequested event) {
        questions.asked(event);
    }

    @EventHandler
    void on(MoreInformationProvided event) {
        questions.answered(event);
    }

    @EventHandler
    void on(RequesterLeftBeforeAnswering event) {
        questions.unanswered(event);
    }

    @ResetHandler
    void reset() {
        questions.reset();
        votes.reset();
        attachments.reset();
        jdbc.update("delete from request_comment_view");
        jdbc.update("delete from request_step_view");
        jdbc.update("delete from request_view");
    }

    public Optional<RequestView> find(String requestId) {
        // steps first: a query inside the row mapper would hold two pooled connections at once (pool deadlock)
        List<RequestView.StepView> steps = steps(requestId);
        List<RequestView.Comment> comments = comments(requestId);
        List<RequestView.Attachment> attached = attachments.of(requestId);
        List<RequestView.Question> asked = questions.of(requestId);
        return jdbc.query("select * from request_view where id = ?", (row, n) -> new RequestView(
                row.getString("id"), row.getString("title"), row.getString("category"), row.getBigDecimal("amount"),
                row.getString("currency"), row.getString("description"), row.getString("requester"),
                row.getString("process_key"), row.getString("status"), Rows.instant(row, "submitted_at"),
                Rows.instant(row, "closed_at"), steps, comments, attached, asked), requestId).stream().findFirst();
    }

    /** When this step opened; empty if the view has no such step (yet, or while it is rebuilt). */
    public Optional<Instant> stepOpenedAt(String stepId) {
        return jdbc.query("select opened_at from request_step_view where id = ?",
                (row, n) -> Rows.instant(row, "opened_at"), stepId).stream().findFirst();
    }

    /** When this request was submitted; empty if the view has no such request (yet, or while it is rebuilt). */
    public Optional<Instant> submittedAt(String requestId) {
        return jdbc.query("select submitted_at from request_view where id = ?",
                (row, n) -> Rows.instant(row, "submitted_at"), requestId).stream().findFirst();
    }

    /** The latest question each of these steps was sent back with, by step id (answered or not). */
    public Map<String, RequestView.Question> latestQuestions(java.util.Collection<String> stepIds) {
        return stepIds.isEmpty() ? Map.of() : questions.latestOf(stepIds);
    }

    /** The questions this requester still has to answer, oldest first. */
    public List<WaitingQuestion> waitingFor(String requester) {
        return questions.waitingFor(requester);
    }

    /** The open committee votes this person sits on, with their tallies, as inbox items. */
    public List<InboxItem> openVotesOf(String voter) {
        return votes.openVotesOf(voter);
    }

    /** The open votes this person sits on, for a departure to take them off (read in its own transaction). */
    @Override
    public List<OpenVotes.OpenVote> of(PersonId voter) {
        return votes.openVotesOf(voter.value()).stream().map(item -> new OpenVotes.OpenVote(
                RequestId.of(item.requestId()), new StepId(item.stepId()))).toList();
    }

    /** The requests in review that wait for this requester's answer, for a departure to end the wait. */
    @Override
    public List<RequestId> awaitingAnswerFrom(PersonId requester) {
        return questions.waitingFor(requester.value()).stream()
                .map(waiting -> RequestId.of(waiting.question().requestId())).distinct().toList();
    }

    /** The person's own requests, newest first, at most {@code limit} of them. */
    public List<RequestSummary> requestedBy(String personId, int limit) {
        return jdbc.query("select id, title, amount, currency, status, submitted_at, closed_at from request_view "
                        + "where requester = ? order by submitted_at desc, id limit ?",
                (row, n) -> new RequestSummary(row.getString("id"), row.getString("title"),
                        row.getBigDecimal("amount"), row.getString("currency"), row.getString("status"),
                        Rows.instant(row, "submitted_at"), Rows.instant(row, "closed_at")),
                personId, limit);
    }

    private List<RequestView.StepView> steps(String requestId) {
        Map<String, RequestView.Vote> byStep = votes.votesOf(requestId);
        return jdbc.query("select * from request_step_view where request_id = ? order by opened_at, id",
                (row, n) -> {
                    String outcome = row.getString("outcome");
                    RequestView.Decision decision = outcome == null ? null : new RequestView.Decision(outcome,
                            row.getString("decided_by"), row.getString("on_behalf_of"), row.getString("mandate_id"),
                            row.getString("rationale"), Rows.instant(row, "decided_at"));
                    String assignee = row.getString("assignee");
                    return new RequestView.StepView(row.getString("id"), row.getString("name"),
                            row.getString("status"), assignee, List.of(assignee), Rows.instant(row, "due_at"),
                            Rows.instant(row, "opened_at"), decision, row.getString("lent_by"),
                            byStep.get(row.getString("id")));
                }, requestId);
    }

    private List<RequestView.Comment> comments(String requestId) {
        return jdbc.query("select * from request_comment_view where request_id = ? order by commented_at, id",
                (row, n) -> {
                    String mentions = row.getString("mentions");
                    return new RequestView.Comment(row.getString("id"), row.getString("author"),
                            row.getString("text"), mentions == null ? List.of() : Arrays.asList(mentions.split(" ")),
                            Rows.instant(row, "commented_at"));
                }, requestId);
    }

    /** The move names who decides the step now and who lent it, so the row is written without being read first. */
    @Override
    protected void moveTo(StepMove move) {
        jdbc.update("update request_step_view set assignee = ?, lent_by = ? where id = ? and status = ?",
                move.decider().value(), move.lender() == null ? null : move.lender().value(), move.stepId().value(),
                OPEN);
    }

    private void close(String requestId, RequestStatus status, Instant at) {
        jdbc.update("update request_view set status = ?, closed_at = ? where id = ?", status.name(),
                Rows.timestamp(at), requestId);
        jdbc.update("update request_step_view set status = ? where request_id = ? and status = ?", CLOSED,
                requestId, OPEN);
    }
}
