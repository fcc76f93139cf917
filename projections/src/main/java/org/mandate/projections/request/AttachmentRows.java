package org.mandate.projections.request;

import org.mandate.domain.request.AttachmentAdded;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The request view's attachments: one row per file attached to a request, the superseded ones kept and marked. */
final class AttachmentRows {

    private final JdbcTemplate jdbc;

    AttachmentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void added(AttachmentAdded event) {
        String requestId = event.requestId().toString();
        jdbc.update("insert into request_attachment_view (request_id, hash, file_name, media_type, size_bytes, "
                        + "added_by, added_at, supersedes) values (?, ?, ?, ?, ?, ?, ?, ?)", requestId, event.hash(),
                event.fileName(), event.mediaType(), event.size(), event.by().value(),
                Rows.timestamp(event.addedAt()), event.supersedes());
        if (event.supersedes() != null) {
            jdbc.update("update request_attachment_view set superseded_by = ? where request_id = ? and hash = ?",
                    event.hash(), requestId, event.supersedes());
        }
    }

    void reset() {
        jdbc.update("delete from request_attachment_view");
    }

    List<RequestView.Attachment> of(String requestId) {
        return jdbc.query("select * from request_attachment_view where request_id = ? order by added_at, hash",
                (row, n) -> new RequestView.Attachment(row.getString("hash"), row.getString("file_name"),
                        row.getString("media_type"), row.getLong("size_bytes"), row.getString("added_by"),
                        Rows.instant(row, "added_at"), row.getString("supersedes"), row.getString("superseded_by")),
                requestId);
    }
}
