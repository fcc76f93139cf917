package org.mandate.app.privacy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bytes of attached files (quotes, invoices, photos) are personal content: they are kept, by hash, only while an
 * attachment that refers to them is itself kept, that is while its request has not been shredded by retention and
 * whoever attached it has not been erased. The hash stays in the events and the request view either way, as the
 * proof of which file an approver saw. One rule for both kinds of forgetting, so that bytes shared by two requests
 * go when the last keeper goes, whichever way it went.
 */
final class AttachedFiles {

    /** Hashes held by an attachment that is still kept (request not shredded, uploader not erased). */
    private static final String STILL_KEPT = "select kept.hash from request_attachment_view kept where "
            + "kept.request_id not in (select request_id from request_shredded) and kept.added_by not in "
            + "(select subject from personal_key where destroyed_at is not null)";

    private AttachedFiles() {
    }

    /** Deletes the bytes of the request's files that no other kept attachment holds; @return rows deleted */
    static int forgetOfRequest(JdbcTemplate jdbc, String request) {
        return jdbc.update("delete from attachment_blob where hash in (select hash from request_attachment_view "
                + "where request_id = ?) and hash not in (" + STILL_KEPT + " and kept.request_id <> ?)", request,
                request);
    }

    /** Deletes the bytes of the files the person attached that no other kept attachment holds; @return rows deleted */
    static int forgetOfPerson(JdbcTemplate jdbc, String person) {
        return jdbc.update("delete from attachment_blob where hash in (select hash from request_attachment_view "
                + "where added_by = ?) and hash not in (" + STILL_KEPT + " and kept.added_by <> ?)", person, person);
    }
}
