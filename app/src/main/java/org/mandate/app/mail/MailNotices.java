package org.mandate.app.mail;

import org.mandate.domain.notification.NoticeKind;
import org.mandate.projections.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outbox's tables: what it knows of requests and open steps, and the notices queued, claimed and sent. */
class MailNotices extends NoticeTable<MailNotices.Notice> {

    record RequestFacts(String id, String title, String category, BigDecimal amount, String currency,
                        String requester) {
    }

    /** A notice to queue: {@code eventId} with {@code recipient} is sent once. */
    record Queued(String eventId, String recipient, String onBehalfOf, NoticeKind kind, String requestId,
                  String stepId, String headline, String reason, Instant dueAt) {

        Queued(String eventId, String recipient, NoticeKind kind, String requestId, String stepId, String headline,
               String reason, Instant dueAt) {
            this(eventId, recipient, null, kind, requestId, stepId, headline, reason, dueAt);
        }
    }

    record Notice(String id, String eventId, String recipient, String onBehalfOf, NoticeKind kind, String requestId,
                  String stepId,
                  String headline, String reason, Instant dueAt, boolean digest, String status, int attempts,
                  Instant createdAt, Instant sentAt, String lastError) implements Stored {

        /**
         * A reminder about someone else's missing vote (a manager told that their report has not voted): it goes
         * only while that vote is still missing, and carries no decide links, the vote not being theirs.
         */
        boolean overseeing() {
            return kind == NoticeKind.REMINDER && onBehalfOf != null;
        }
    }

    /** An open step a reminder is due for. */
    record DueStep(String stepId, String requestId, String holder, Instant dueAt) {
    }

    private final VoteSeats seats;

    MailNotices(JdbcTemplate jdbc) {
        super(jdbc, "mail_notice", (row, n) -> notice(row));
        this.seats = new VoteSeats(jdbc);
    }

    /** The voters' seats on open committee votes, which have no single holder. */
    VoteSeats seats() {
        return seats;
    }

    void rememberRequest(RequestFacts request) {
        jdbc.update("delete from mail_request where request_id = ?", request.id());
        jdbc.update("insert into mail_request (request_id, title, category, amount, currency, requester) "
                        + "values (?, ?, ?, ?, ?, ?)", request.id(), request.title(), request.category(),
                request.amount(), request.currency(), request.requester());
    }

    RequestFacts request(String requestId) {
        return jdbc.query("select * from mail_request where request_id = ?", (row, n) -> new RequestFacts(
                row.getString("request_id"), row.getString("title"), row.getString("category"),
                row.getBigDecimal("amount"), row.getString("currency"), row.getString("requester")), requestId)
                .stream().findFirst().orElse(null);
    }

    void decided(String requestId, String decision) {
        jdbc.update("update mail_request set last_decision = ? where request_id = ?", cut(decision, 2400), requestId);
    }

    /** Null before any decision (a committee's outcome comes from its vote, not from one person's decision). */
    String lastDecision(String requestId) {
        List<String> decisions = jdbc.queryForList("select last_decision from mail_request where request_id = ?",
                String.class, requestId);
        return decisions.isEmpty() ? null : decisions.get(0);
    }

    /**
     * The step is with {@code holder} from {@code at}: reminders start over for them. {@code owner} is whose step it
     * is while it is lent; null keeps it.
     */
    void stepWith(String stepId, String requestId, String holder, String owner, Instant dueAt, Instant at) {
        if (jdbc.update("update mail_step set holder = ?, owner = coalesce(cast(? as varchar(64)), owner), "
                        + "arrived_at = ?, soon_queued = ?, overdue_queued = ? where step_id = ?", holder, owner,
                Rows.timestamp(at), false, false, stepId) == 0) {
            jdbc.update("insert into mail_step (step_id, request_id, holder, owner, due_at, arrived_at, soon_queued, "
                            + "overdue_queued) values (?, ?, ?, ?, ?, ?, ?, ?)", stepId, requestId, holder,
                    owner == null ? holder : owner, Rows.timestamp(dueAt), Rows.timestamp(at), false, false);
        }
    }

    /**
     * A step's due date changed: null while it waits for the requester's answer (no reminder meanwhile), the date
     * moved by the pause once answered; reminders start over from it.
     */
    void stepDue(String stepId, Instant dueAt) {
        jdbc.update("update mail_step set due_at = ?, soon_queued = ?, overdue_queued = ? where step_id = ?",
                Rows.timestamp(dueAt), false, false, stepId);
    }

    /** An answer amended the request's title: notices from now on quote the new one. */
    void retitled(String requestId, String title) {
        jdbc.update("update mail_request set title = ? where request_id = ?", title, requestId);
    }

    /** Everyone an open step of the request is with, or whose it is while lent, in order of arrival. */
    Set<String> holders(String requestId) {
        Set<String> holders = new LinkedHashSet<>();
        jdbc.query("select holder, owner from mail_step where request_id = ? order by arrived_at", row -> {
            if (row.getString("owner") != null) {
                holders.add(row.getString("owner"));
            }
            holders.add(row.getString("holder"));
        }, requestId);
        holders.addAll(seats.voters(requestId));
        return holders;
    }

    DueStep step(String stepId) {
        return jdbc.query("select * from mail_step where step_id = ?", (row, n) -> dueStep(row), stepId).stream()
                .findFirst().orElse(null);
    }

    /**
     * The open step as far as {@code person} is concerned: a step they hold, or a committee vote they have not voted
     * on yet; null when it is not (or no longer) theirs to decide.
     */
    DueStep openFor(String stepId, String person) {
        DueStep step = step(stepId);
        if (step != null) {
            return step.holder().equals(person) ? step : null;
        }
        return seats.seat(stepId, person);
    }

    void stepClosed(String stepId) {
        jdbc.update("delete from mail_step where step_id = ?", stepId);
        seats.stepClosed(stepId);
    }

    void requestClosed(String requestId) {
        jdbc.update("delete from mail_step where request_id = ?", requestId);
        seats.requestClosed(requestId);
    }

    /** Who the step's notices are about: the person holding it, for whom a mandate holder would decide. */
    static String heldBy(Notice notice) {
        return notice.onBehalfOf() == null ? notice.recipient() : notice.onBehalfOf();
    }

    record EndingMandate(String id, String grantor, String holder, String principal, Instant validUntil) {
    }

    void mandateGranted(String id, String grantor, String holder, String principal, Instant validUntil) {
        jdbc.update("delete from mail_mandate where mandate_id = ?", id);
        jdbc.update("insert into mail_mandate (mandate_id, grantor, holder, principal, valid_until, reminded) "
                + "values (?, ?, ?, ?, ?, ?)", id, grantor, holder, principal, Rows.timestamp(validUntil), false);
    }

    void mandateEnded(String id) {
        jdbc.update("delete from mail_mandate where mandate_id = ?", id);
    }

    /** Mandates ending within (now, until] not reminded of yet. */
    List<EndingMandate> endingMandates(Instant now, Instant until, int limit) {
        return jdbc.query("select * from mail_mandate where valid_until > ? and valid_until <= ? and reminded = ? "
                        + "order by valid_until fetch first " + limit + " rows only",
                (row, n) -> new EndingMandate(row.getString("mandate_id"), row.getString("grantor"),
                        row.getString("holder"), row.getString("principal"), Rows.instant(row, "valid_until")),
                Rows.timestamp(now), Rows.timestamp(until), false);
    }

    void mandateReminded(String id) {
        jdbc.update("update mail_mandate set reminded = ? where mandate_id = ?", true, id);
    }

    /** Queues the notice unless this event already reached this person; true when it was queued now. */
    boolean queue(Queued notice, boolean digest, Instant now, Instant sendAfter) {
        try {
            return jdbc.update("insert into mail_notice (notice_id, event_id, recipient, on_behalf_of, kind, request_id, "
                            + "step_id, headline, reason, due_at, digest, status, attempts, created_at, send_after) "
                            + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? from (values (1)) as one(x) where not "
                            + "exists (select 1 from mail_notice where event_id = ? and recipient = ?)",
                    UUID.randomUUID().toString(), notice.eventId(), notice.recipient(), notice.onBehalfOf(),
                    notice.kind().name(),
                    notice.requestId(), notice.stepId(), cut(notice.headline(), 400), cut(notice.reason(), 2400),
                    Rows.timestamp(notice.dueAt()), digest, PENDING, Rows.timestamp(now), Rows.timestamp(sendAfter),
                    notice.eventId(), notice.recipient()) == 1;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    /** Steps due within [now, soonUntil] whose holder has had no due-soon reminder yet. */
    List<DueStep> dueSoon(Instant now, Instant soonUntil, int limit) {
        return jdbc.query("select * from mail_step where due_at > ? and due_at <= ? and soon_queued = ? "
                        + "and arrived_at < due_at order by due_at fetch first " + limit + " rows only",
                (row, n) -> dueStep(row), Rows.timestamp(now), Rows.timestamp(soonUntil), false);
    }

    /** Steps overdue since {@code since} or later whose holder had them before they fell due, not yet reminded. */
    List<DueStep> overdue(Instant since, Instant now, int limit) {
        return jdbc.query("select * from mail_step where due_at > ? and due_at <= ? and overdue_queued = ? "
                        + "and arrived_at < due_at order by due_at fetch first " + limit + " rows only",
                (row, n) -> dueStep(row), Rows.timestamp(since), Rows.timestamp(now), false);
    }

    void reminded(String stepId, boolean overdue) {
        jdbc.update("update mail_step set " + (overdue ? "overdue_queued" : "soon_queued") + " = ? where step_id = ?",
                true, stepId);
    }

    /** Notices to send one by one, oldest first. */
    List<String> dueAtOnce(Instant now, int limit) {
        return jdbc.queryForList("select notice_id from mail_notice where status = ? and send_after <= ? "
                        + "and digest = ? and (claimed_until is null or claimed_until < ?) order by created_at "
                        + "fetch first " + limit + " rows only", String.class, PENDING, Rows.timestamp(now), false,
                Rows.timestamp(now));
    }

    /** People with a digest due. */
    List<String> digestsDue(Instant now, int limit) {
        return jdbc.queryForList("select distinct recipient from mail_notice where status = ? and send_after <= ? "
                        + "and digest = ? and (claimed_until is null or claimed_until < ?) fetch first " + limit
                        + " rows only", String.class, PENDING, Rows.timestamp(now), true, Rows.timestamp(now));
    }

    /** Takes one notice until {@code until}, so that no other node sends it meanwhile. */
    boolean claim(String noticeId, String claimId, Instant now, Instant until) {
        return jdbc.update("update mail_notice set claim_id = ?, claimed_until = ? where notice_id = ? and status = ? "
                        + "and (claimed_until is null or claimed_until < ?)", claimId, Rows.timestamp(until),
                noticeId, PENDING, Rows.timestamp(now)) == 1;
    }

    /** Takes every due digest notice of one person; the claim id then names them. */
    void claimDigest(String recipient, String claimId, Instant now, Instant until) {
        jdbc.update("update mail_notice set claim_id = ?, claimed_until = ? where recipient = ? and status = ? "
                        + "and digest = ? and send_after <= ? and (claimed_until is null or claimed_until < ?)",
                claimId, Rows.timestamp(until), recipient, PENDING, true, Rows.timestamp(now), Rows.timestamp(now));
    }

    List<Notice> claimed(String claimId) {
        return jdbc.query("select * from mail_notice where claim_id = ? and status = ? order by created_at",
                (row, n) -> notice(row), claimId, PENDING);
    }

    void sent(String claimId, Instant now) {
        jdbc.update("update mail_notice set status = ?, attempts = attempts + 1, sent_at = ?, last_error = null, "
                + "claimed_until = null where claim_id = ? and status = ?", SENT, Rows.timestamp(now), claimId, PENDING);
    }

    /** Not sent: nothing in it still held (the step moved on), or the person has no address any more. */
    void skipped(String claimId, Instant now) {
        jdbc.update("update mail_notice set status = ?, sent_at = ?, claimed_until = null where claim_id = ? and "
                + "status = ?", SKIPPED, Rows.timestamp(now), claimId, PENDING);
    }

    /** A failed send: tried again at {@code next}, or marked failed when {@code next} is null. */
    void failed(String claimId, String error, Instant now, Instant next) {
        jdbc.update("update mail_notice set status = ?, attempts = attempts + 1, last_error = ?, send_after = ?, "
                        + "claimed_until = null where claim_id = ? and status = ?", next == null ? FAILED : PENDING,
                cut(error, 1000), Rows.timestamp(next == null ? now : next), claimId, PENDING);
    }

    /** What reached (or will reach) a person, newest first. */
    List<Notice> of(String recipient, int limit) {
        return jdbc.query("select * from mail_notice where recipient = ? order by created_at desc fetch first "
                + limit + " rows only", (row, n) -> notice(row), recipient);
    }

    /** When the oldest notice still waiting to go out at once was queued, or null. */
    Instant oldestPending(Instant now) {
        // min() over no rows is one row holding null, and findFirst() refuses a null element
        List<Instant> oldest = jdbc.query("select min(created_at) as oldest from mail_notice where status = ? "
                + "and digest = ? and send_after <= ?", (row, n) -> Rows.instant(row, "oldest"), PENDING, false, Rows.timestamp(now));
        return oldest.isEmpty() ? null : oldest.get(0);
    }

    private static DueStep dueStep(ResultSet row) throws SQLException {
        return new DueStep(row.getString("step_id"), row.getString("request_id"), row.getString("holder"),
                Rows.instant(row, "due_at"));
    }

    private static Notice notice(ResultSet row) throws SQLException {
        return new Notice(row.getString("notice_id"), row.getString("event_id"), row.getString("recipient"),
                row.getString("on_behalf_of"), NoticeKind.valueOf(row.getString("kind")), row.getString("request_id"), row.getString("step_id"),
                row.getString("headline"), row.getString("reason"), Rows.instant(row, "due_at"),
                row.getBoolean("digest"), row.getString("status"), row.getInt("attempts"),
                Rows.instant(row, "created_at"), Rows.instant(row, "sent_at"), row.getString("last_error"));
    }
}
