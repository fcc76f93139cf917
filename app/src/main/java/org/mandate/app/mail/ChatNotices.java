package org.mandate.app.mail;

import org.mandate.projections.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The chat outbox: one post per event and channel, queued, claimed, posted, retried. */
class ChatNotices extends NoticeTable<ChatNotices.Notice> {

    /** The kinds of post; a channel hears of requests only (never mandates or comments: a channel is shared). */
    static final String STEP_ARRIVED = "STEP_ARRIVED";
    static final String REMINDER = "REMINDER";
    static final String REQUEST_DECIDED = "REQUEST_DECIDED";
    static final String REQUEST_WITHDRAWN = "REQUEST_WITHDRAWN";

    /** A post to queue, in the third person: a channel is read by many. {@code person} is whom it is about. */
    record Post(String eventId, String kind, String requestId, String stepId, String person, String headline,
                String reason, Instant dueAt) {
    }

    record Notice(String id, String eventId, String channel, String kind, String requestId, String stepId,
                  String person, String headline, String reason, Instant dueAt, String status, int attempts,
                  Instant createdAt, Instant sentAt, Integer lastStatus, String lastError) implements Stored {
    }

    ChatNotices(JdbcTemplate jdbc) {
        super(jdbc, "chat_notice", (row, n) -> notice(row));
    }

    /** Queues the post unless this event was already queued for this channel; true when queued now. */
    boolean queue(Post post, String channel, Instant now) {
        try {
            return jdbc.update("insert into chat_notice (notice_id, event_id, channel, kind, request_id, step_id, "
                            + "person, headline, reason, due_at, status, attempts, created_at, send_after) "
                            + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? from (values (1)) as one(x) where not "
                            + "exists (select 1 from chat_notice where event_id = ? and channel = ?)",
                    UUID.randomUUID().toString(), post.eventId(), channel, post.kind(), post.requestId(),
                    post.stepId(), cut(post.person(), 400), cut(post.headline(), 400), cut(post.reason(), 2400),
                    Rows.timestamp(post.dueAt()), PENDING, Rows.timestamp(now), Rows.timestamp(now), post.eventId(),
                    channel) == 1;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    List<String> due(Instant now, int limit) {
        return jdbc.queryForList("select notice_id from chat_notice where status = ? and send_after <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by created_at fetch first " + limit
                        + " rows only", String.class, PENDING, Rows.timestamp(now), Rows.timestamp(now));
    }

    /** Takes one post until {@code until}, so that no other node posts it meanwhile; the claimed post or null. */
    Notice claim(String noticeId, String claimId, Instant now, Instant until) {
        if (jdbc.update("update chat_notice set claim_id = ?, claimed_until = ? where notice_id = ? and status = ? "
                        + "and (claimed_until is null or claimed_until < ?)", claimId, Rows.timestamp(until),
                noticeId, PENDING, Rows.timestamp(now)) != 1) {
            return null;
        }
        return jdbc.query("select * from chat_notice where claim_id = ? and status = ?", (row, n) -> notice(row),
                claimId, PENDING).stream().findFirst().orElse(null);
    }

    void sent(String claimId, int status, Instant now) {
        jdbc.update("update chat_notice set status = ?, attempts = attempts + 1, sent_at = ?, last_status = ?, "
                        + "last_error = null, claimed_until = null where claim_id = ? and status = ?", SENT,
                Rows.timestamp(now), status, claimId, PENDING);
    }

    void skipped(String claimId, Instant now) {
        jdbc.update("update chat_notice set status = ?, sent_at = ?, claimed_until = null where claim_id = ? and "
                + "status = ?", SKIPPED, Rows.timestamp(now), claimId, PENDING);
    }

    /** A failed post: tried again at {@code next}, or marked failed when {@code next} is null. */
    void failed(String claimId, Integer status, String error, Instant now, Instant next) {
        jdbc.update("update chat_notice set status = ?, attempts = attempts + 1, last_status = ?, last_error = ?, "
                        + "send_after = ?, claimed_until = null where claim_id = ? and status = ?",
                next == null ? FAILED : PENDING, status, cut(error, 1000), Rows.timestamp(next == null ? now : next),
                claimId, PENDING);
    }

    List<Notice> about(String requestId) {
        return jdbc.query("select * from chat_notice where request_id = ? order by created_at",
                (row, n) -> notice(row), requestId);
    }

    Instant oldestPending(Instant now) {
        // min() over no rows is one row holding null, and findFirst() refuses a null element
        List<Instant> oldest = jdbc.query("select min(created_at) as oldest from chat_notice where status = ? "
                        + "and send_after <= ?", (row, n) -> Rows.instant(row, "oldest"), PENDING, Rows.timestamp(now));
        return oldest.isEmpty() ? null : oldest.get(0);
    }

    private static Notice notice(ResultSet row) throws SQLException {
        Object status = row.getObject("last_status");
        return new Notice(row.getString("notice_id"), row.getString("event_id"), row.getString("channel"),
                row.getString("kind"), row.getString("request_id"), row.getString("step_id"), row.getString("person"),
                row.getString("headline"), row.getString("reason"), Rows.instant(row, "due_at"),
                row.getString("status"), row.getInt("attempts"), Rows.instant(row, "created_at"),
                Rows.instant(row, "sent_at"), status == null ? null : ((Number) status).intValue(),
                row.getString("last_error"));
    }
}
