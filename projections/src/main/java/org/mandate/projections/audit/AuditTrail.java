package org.mandate.projections.audit;

import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The trail's rows joined with the stored events they point at (docs/adr/0025-audit-trail-points-at-the-store.md):
 * what auditors filter on from {@code audit_event}, the event's identifier, aggregate, payload and metadata as the
 * store holds them. Reads the trail row by row through a cursor, so an export of a million events holds one row
 * in memory at a time. The read runs in a read-only transaction because PostgreSQL's driver only streams with a
 * fetch size inside one; otherwise it loads the whole result.
 */
public class AuditTrail {

    static final int FETCH_SIZE = 500;

    /** A row of the trail and its stored event; a non-domain event is stored with no aggregate type. */
    static final String SELECT = "select a.global_index, a.event_type, a.occurred_at, a.actor, a.on_behalf_of, "
            + "a.mandate_id, a.request_id, a.step_id, a.rationale, a.process_version, e.event_identifier, e.type, "
            + "e.aggregate_identifier, e.sequence_number, e.payload, e.meta_data from audit_event a "
            + "join domain_event_entry e on e.global_index = a.global_index";

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public AuditTrail(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Hands each matching event to {@code sink} in global order, oldest first. */
    public void stream(AuditQuery query, Consumer<AuditEntry> sink) {
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.requestId() != null && isUuid(query.requestId())) {
            sql.append(" and a.request_id = ?");
            arguments.add(query.requestId());
        } else if (query.requestId() != null) {
            // the short id the trail shows, or words of the title
            sql.append(" and (a.request_id like ? or a.request_id in (select id from request_view "
                    + "where lower(title) like ?))");
            String words = query.requestId().toLowerCase(Locale.ROOT).replaceFirst("(\\.\\.\\.|…)$", "").replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            arguments.add(words + "%");
            arguments.add("%" + words + "%");
        }
        if (query.actor() != null) {
            sql.append(" and (a.actor = ? or a.on_behalf_of = ?)");
            arguments.add(query.actor());
            arguments.add(query.actor());
        }
        if (query.from() != null) {
            sql.append(" and a.occurred_at >= ?");
            arguments.add(Rows.timestamp(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and a.occurred_at < ?");
            arguments.add(Rows.timestamp(query.to()));
        }
        if (query.after() != null) {
            sql.append(" and a.global_index > ?");
            arguments.add(query.after());
        }
        sql.append(" order by a.global_index");
        if (query.limit() != null) {
            sql.append(" fetch first ").append(query.limit()).append(" rows only");
        }
        RowCallbackHandler each = row -> sink.accept(entry(row));
        readOnly.executeWithoutResult(status -> cursor.query(sql.toString(), each, arguments.toArray()));
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    /** The titles of these requests, by id, for naming them in the trail (requests not found are left out). */
    public Map<String, String> titles(Collection<String> requestIds) {
        Map<String, String> titles = new HashMap<>();
        List<String> ids = requestIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            cursor.query("select id, title from request_view where id in ("
                            + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                    (RowCallbackHandler) row -> titles.put(row.getString("id"), row.getString("title")), ids.toArray());
        }
        return titles;
    }

    public List<AuditEntry> list(AuditQuery query) {
        List<AuditEntry> entries = new ArrayList<>();
        stream(query, entries::add);
        return entries;
    }

    static AuditEntry entry(ResultSet row) throws SQLException {
        boolean domain = row.getString("type") != null;
        byte[] metaData = row.getBytes("meta_data");
        return new AuditEntry(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("event_type"), row.getString("type"),
                domain ? row.getString("aggregate_identifier") : null, domain ? row.getLong("sequence_number") : null,
                Rows.instant(row, "occurred_at"), row.getString("actor"), row.getString("on_behalf_of"),
                row.getString("mandate_id"), row.getString("request_id"), row.getString("step_id"),
                row.getString("rationale"), row.getString("process_version"),
                new String(row.getBytes("payload"), StandardCharsets.UTF_8),
                metaData == null ? null : new String(metaData, StandardCharsets.UTF_8));
    }
}
