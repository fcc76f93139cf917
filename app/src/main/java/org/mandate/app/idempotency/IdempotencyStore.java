package org.mandate.app.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The keys already used, each with the command's aggregate and, once the call has answered, the answer. */
@Component
class IdempotencyStore {

    /** Answers larger than this are not kept; a replay then answers with the resource id only. */
    static final int MAX_STORED_BODY = 1_000_000;

    record Entry(String fingerprint, String requestLine, String resourceId, Integer status, String contentType,
                 String body) {

        boolean answered() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Entry> find(String caller, String key) {
        return jdbc.query("select fingerprint, request_line, resource_id, status, content_type, body "
                        + "from idempotency_key where caller = ? and idempotency_key = ?",
                (row, n) -> new Entry(row.getString(1), row.getString(2), row.getString(3),
                        (Integer) row.getObject(4, Integer.class), row.getString(5), row.getString(6)),
                caller, key).stream().findFirst();
    }

    /** Runs inside the command's transaction: the key exists exactly when the command's events do. */
    void recordCommand(IdempotentCall call, String resourceId) {
        jdbc.update("insert into idempotency_key (caller, idempotency_key, fingerprint, request_line, resource_id, "
                        + "created_at) values (?, ?, ?, ?, ?, ?)", call.caller(), call.key(), call.fingerprint(),
                call.requestLine(), resourceId, Timestamp.from(clock.instant()));
    }

    void recordAnswer(IdempotentCall call, int status, String contentType, String body) {
        jdbc.update("update idempotency_key set status = ?, content_type = ?, body = ? "
                        + "where caller = ? and idempotency_key = ?", status, contentType,
                body.length() > MAX_STORED_BODY ? null : body, call.caller(), call.key());
    }
}
