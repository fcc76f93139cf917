package org.mandate.app.mail;

import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.List;

/**
 * What the mail and the chat outbox tables share: the statuses a notice goes through, and what administrators do
 * with them (list, count, send a failed one again). Queueing, claiming and marking the outcome stay with each
 * table, as a mail may be part of a digest and a chat post is one per channel.
 */
abstract class NoticeTable<N extends NoticeTable.Stored> {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";
    static final List<String> STATUSES = List.of(PENDING, SENT, FAILED, SKIPPED);

    /** A notice as stored, whatever its channel. */
    interface Stored {
        String status();
    }

    protected final JdbcTemplate jdbc;
    private final String table;
    private final RowMapper<N> notices;

    NoticeTable(JdbcTemplate jdbc, String table, RowMapper<N> notices) {
        this.jdbc = jdbc;
        this.table = table;
        this.notices = notices;
    }

    /** Notices in this status (all when null), newest first. */
    List<N> inStatus(String status, int limit) {
        return status == null
                ? jdbc.query("select * from " + table + " order by created_at desc fetch first " + limit
                + " rows only", notices)
                : jdbc.query("select * from " + table + " where status = ? order by created_at desc fetch first "
                + limit + " rows only", notices, status);
    }

    N find(String noticeId) {
        return jdbc.query("select * from " + table + " where notice_id = ?", notices, noticeId).stream()
                .findFirst().orElse(null);
    }

    /** Sends a failed notice again, with a fresh retry period; false unless it had failed. */
    boolean retry(String noticeId, Instant now) {
        return jdbc.update("update " + table + " set status = ?, attempts = 0, created_at = ?, send_after = ?, "
                        + "claim_id = null, claimed_until = null where notice_id = ? and status = ?", PENDING,
                Rows.timestamp(now), Rows.timestamp(now), noticeId, FAILED) == 1;
    }

    long count(String status) {
        Long count = jdbc.queryForObject("select count(*) from " + table + " where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }

    /** Text cut to what its column holds, marked as cut. */
    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
