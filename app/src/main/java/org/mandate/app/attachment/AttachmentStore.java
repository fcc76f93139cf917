package org.mandate.app.attachment;

import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of attached files, one row per content (V206, attachment_blob): the key is the SHA-256 of the bytes, so
 * the same file attached twice is stored once. Rows are written in the attaching command's transaction and never
 * changed; they are deleted only when the last attachment that holds them is forgotten (retention or erasure, see
 * privacy's AttachedFiles).
 */
@Component
class AttachmentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    AttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bytes unless a row with their hash is there already; in the caller's transaction. */
    void keep(String hash, byte[] bytes) {
        if (count(hash) > 0) {
            return;
        }
        try {
            jdbc.update("insert into attachment_blob (hash, size_bytes, content, stored_at) values (?, ?, ?, ?)",
                    hash, (long) bytes.length, bytes, Rows.timestamp(clock.instant()));
        } catch (DuplicateKeyException raced) {
            // a concurrent upload of the same bytes committed first; on PostgreSQL this transaction is spoilt now
            throw AppRefusals.conflict("refusal.attachment.storedMeanwhile");
        }
    }

    Optional<byte[]> bytes(String hash) {
        List<byte[]> found = jdbc.query("select content from attachment_blob where hash = ?",
                (row, n) -> row.getBytes("content"), hash);
        return found.stream().findFirst();
    }

    int count(String hash) {
        return jdbc.queryForObject("select count(*) from attachment_blob where hash = ?", Integer.class, hash);
    }
}
