package org.mandate.projections.request;

import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.MoreInformationRequested;
import org.mandate.domain.request.RequesterLeftBeforeAnswering;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request view's questions: one row per step sent back for more information, the answer filled in when it comes.
 * An answer that amends the title or description changes them in the request view (the inbox keeps its own copy).
 */
final class QuestionRows {

    private final JdbcTemplate jdbc;

    QuestionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void asked(MoreInformationRequested event) {
        jdbc.update("insert into request_question_view (request_id, step_id, asked_by, on_behalf_of, question, "
                        + "asked_at) values (?, ?, ?, ?, ?, ?)", event.requestId().toString(),
                event.stepId().value(), event.askedBy().value(),
                event.onBehalfOf() == null ? null : event.onBehalfOf().value(), event.question(),
                Rows.timestamp(event.askedAt()));
    }

    void answered(MoreInformationProvided event) {
        String requestId = event.requestId().toString();
        jdbc.update("update request_question_view set answered_by = ?, answer = ?, answered_at = ? where request_id = "
                        + "? and step_id = ? and answered_at is null", event.by().value(), event.answer(),
                Rows.timestamp(event.answeredAt()), requestId, event.stepId().value());
        jdbc.update("update request_step_view set due_at = ? where id = ?", Rows.timestamp(event.dueAt()),
                event.stepId().value());
        if (event.title() != null) {
            jdbc.update("update request_view set title = ? where id = ?", event.title(), requestId);
        }
        if (event.description() != null) {
            jdbc.update("update request_view set description = ? where id = ?",
                    event.description().isEmpty() ? null : event.description(), requestId);
        }
    }

    /** The requester left before answering: the question stays on record, closed without an answer. */
    void unanswered(RequesterLeftBeforeAnswering event) {
        jdbc.update("update request_question_view set requester_left_at = ?, left_recorded_by = ? where request_id = ? "
                        + "and step_id = ? and answered_at is null and requester_left_at is null",
                Rows.timestamp(event.leftAt()), event.recordedBy() == null ? null : event.recordedBy().value(),
                event.requestId().toString(), event.stepId().value());
        jdbc.update("update request_step_view set due_at = ? where id = ?", Rows.timestamp(event.dueAt()),
                event.stepId().value());
    }

    void reset() {
        jdbc.update("delete from request_question_view");
    }

    List<RequestView.Question> of(String requestId) {
        return jdbc.query("select * from request_question_view where request_id = ? order by asked_at, step_id",
                QuestionRows::question, requestId);
    }

    /** The latest question of each of these steps, by step id: what an inbox shows on top of a step. */
    Map<String, RequestView.Question> latestOf(Collection<String> stepIds) {
        Map<String, RequestView.Question> latest = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(stepIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", chunk.stream().map(id -> "?").toList());
            jdbc.query("select * from request_question_view where step_id in (" + marks + ") order by asked_at",
                    (ResultSet row) -> {
                        RequestView.Question question = question(row, 0);
                        latest.put(question.stepId(), question);
                    }, chunk.toArray());
        }
        return latest;
    }

    /** The questions a requester still has to answer, on requests in review, oldest first. */
    List<WaitingQuestion> waitingFor(String requester) {
        return jdbc.query("select q.*, r.title from request_question_view q join request_view r on r.id = "
                        + "q.request_id where r.requester = ? and r.status = 'IN_REVIEW' and q.answered_at is null "
                        + "order by q.asked_at", (row, n) -> new WaitingQuestion(row.getString("title"), question(row, n)),
                requester);
    }

    private static RequestView.Question question(ResultSet row, int n) throws SQLException {
        return new RequestView.Question(row.getString("request_id"), row.getString("step_id"),
                row.getString("asked_by"), row.getString("on_behalf_of"), row.getString("question"),
                Rows.instant(row, "asked_at"), row.getString("answered_by"), row.getString("answer"),
                Rows.instant(row, "answered_at"), Rows.instant(row, "requester_left_at"),
                row.getString("left_recorded_by"));
    }
}
