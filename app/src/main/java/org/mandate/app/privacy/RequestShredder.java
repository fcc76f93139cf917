package org.mandate.app.privacy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.mandate.domain.Personal;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the clear copies of one request's texts from the read models once its retention has ended, in the
 * shredding's own transaction: the store holds them sealed with the request's key, which is destroyed beside this,
 * but projections wrote them in clear. Every copy found here is found by the request's id, so the cost is that of
 * one request, not of a sweep of every column of every table as an erasure makes ({@link ReadModelShredder}): the
 * job may shred thousands a day. A read model added later that copies a request's text is added here;
 * RetentionIntegrationTest searches every text column of every table and fails until it is.
 */
class RequestShredder {

    private static final String TEXT = Personal.Kind.TEXT.erased();

    private final JdbcTemplate jdbc;

    RequestShredder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many cells were changed */
    int shred(String request) {
        Set<String> texts = texts(request);
        int changed = 0;
        changed += jdbc.update("update request_view set title = ?, description = case when description is null "
                + "then null else ? end where id = ?", TEXT, TEXT, request);
        changed += jdbc.update("update request_step_view set rationale = ? where request_id = ? and rationale is not "
                + "null", TEXT, request);
        changed += jdbc.update("update request_comment_view set text = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update request_attachment_view set file_name = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update request_question_view set question = ?, answer = case when answer is null then "
                + "null else ? end where request_id = ?", TEXT, TEXT, request);
        // a file's bytes are its content (quotes, invoices, photos): they go unless another kept attachment still
        // holds the same bytes; the hash stays in the events and the view, proof of which file it was
        changed += AttachedFiles.forgetOfRequest(jdbc, request);
        changed += jdbc.update("update vote_voter set rationale = ? where rationale is not null and step_id in "
                + "(select step_id from vote_step where request_id = ?)", TEXT, request);
        changed += jdbc.update("update inbox_request set title = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update inbox_item set title = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update knowledge_request set title = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update knowledge_decision set title = ?, rationale = case when rationale is null "
                + "then null else ? end, search_text = ? where request_id = ?", TEXT, TEXT, TEXT, request);
        changed += jdbc.update("update knowledge_comment set search_text = ? where request_id = ?", TEXT, request);
        changed += jdbc.update("update mail_request set title = ?, last_decision = case when last_decision is null "
                + "then null else ? end where request_id = ?", TEXT, TEXT, request);
        // a notice quotes the title and a rationale inside its own sentence: the whole notice goes
        changed += jdbc.update("update mail_notice set headline = ?, reason = ? where request_id = ?", TEXT, TEXT,
                request);
        changed += jdbc.update("update chat_notice set headline = ?, reason = ? where request_id = ?", TEXT, TEXT,
                request);
        // the trail points at the stored events (sealed); its rationale column (reasons, notes too) was taken in clear
        changed += jdbc.update("update audit_event set rationale = ? where request_id = ? and rationale is not null",
                TEXT, request);
        for (String text : texts) {
            changed += inJson("webhook_delivery", "body", "subject", request, text);
        }
        return changed;
    }

    /**
     * The request's texts as the read models hold them, before anything is blanked: to find them inside JSON that
     * was written in clear (a published event's body).
     */
    private Set<String> texts(String request) {
        Set<String> texts = new LinkedHashSet<>();
        texts.addAll(jdbc.queryForList("select title from request_view where id = ?", String.class, request));
        texts.addAll(jdbc.queryForList("select description from request_view where id = ? and description is not "
                + "null", String.class, request));
        texts.addAll(jdbc.queryForList("select rationale from request_step_view where request_id = ? and rationale "
                + "is not null", String.class, request));
        texts.addAll(jdbc.queryForList("select text from request_comment_view where request_id = ?", String.class,
                request));
        texts.addAll(jdbc.queryForList("select file_name from request_attachment_view where request_id = ?",
                String.class, request));
        texts.addAll(jdbc.queryForList("select question from request_question_view where request_id = ?",
                String.class, request));
        texts.addAll(jdbc.queryForList("select answer from request_question_view where request_id = ? and answer is "
                + "not null", String.class, request));
        texts.addAll(jdbc.queryForList("select v.rationale from vote_voter v join vote_step s on s.step_id = "
                + "v.step_id where s.request_id = ? and v.rationale is not null", String.class, request));
        texts.addAll(jdbc.queryForList("select rationale from audit_event where request_id = ? and rationale is not "
                + "null", String.class, request));
        texts.removeIf(text -> text.isBlank() || text.equals(TEXT));
        return texts;
    }

    /**
     * Replaces the text where it is a whole JSON string value ({@code :"text"}) in the request's rows of a JSON
     * column: a short text ("ok") is replaced only where it stands alone, never inside a word or a key.
     */
    private int inJson(String table, String column, String key, String request, String text) {
        String value = ":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
        List<String> forms = List.of(value, value.replace(":\"", ": \""));
        int changed = 0;
        for (String form : forms) {
            String erased = form.substring(0, form.indexOf('"')) + "\"" + TEXT + "\"";
            changed += jdbc.update("update " + table + " set " + column + " = replace(" + column + ", ?, ?) where "
                    + key + " = ? and " + column + " like ? escape '\\'", form, erased, request,
                    "%" + ReadModelShredder.like(form) + "%");
        }
        return changed;
    }
}
