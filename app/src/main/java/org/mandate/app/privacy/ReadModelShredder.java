package org.mandate.app.privacy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.mandate.domain.Personal;
import org.mandate.projections.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the clear copies of an erased person's data from the read models, in the erasure's own transaction: the
 * event store holds only ciphertext for them, but projections wrote their name and texts in clear. First the
 * columns known to hold them (by the person's id beside them), then a sweep of every text column of every read
 * model for the name and for their longer texts (mail notices, webhook bodies, search text), so a copy in a table
 * added later is found too. Texts shorter than {@link #SWEPT_FROM} are only blanked where they are known to be
 * theirs: "ok" in someone else's rationale must survive.
 */
class ReadModelShredder {

    static final int SWEPT_FROM = 12;
    private static final String NAME = Personal.Kind.NAME.erased();
    private static final String TEXT = Personal.Kind.TEXT.erased();
    /** Tables that are not read models: the store (ciphertext), keys, positions, the chain, the engine's own. */
    private static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry",
            "personal_key", "privacy_dev_master_key", "token_entry", "ledger_link", "flyway_schema_history",
            "saga_entry",
            "association_value_entry", "dead_letter_entry");

    private final JdbcTemplate jdbc;

    ReadModelShredder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many cells were changed */
    int shred(String person) {
        List<String> names = jdbc.queryForList("select name from directory_person where id = ?", String.class,
                person);
        Set<String> texts = theirTexts(person);
        int changed = 0;
        changed += update("update directory_person set name = ?, title = ? where id = ?", NAME, TEXT, person);
        changed += update("update insights_person set name = ? where id = ?", NAME, person);
        changed += update("delete from mail_address where person_id = ?", person);
        changed += update("update request_view set title = ?, description = case when description is null then null "
                + "else ? end where requester = ?", TEXT, TEXT, person);
        changed += update("update inbox_request set title = ? where requester = ?", TEXT, person);
        changed += update("update inbox_item set title = ? where requester = ?", TEXT, person);
        changed += update("update mail_request set title = ? where requester = ?", TEXT, person);
        changed += update("update knowledge_request set title = ? where requester = ?", TEXT, person);
        changed += update("update knowledge_decision set title = ? where requester = ?", TEXT, person);
        changed += update("update knowledge_decision set rationale = ? where decided_by = ? and rationale is not null",
                TEXT, person);
        changed += update("update knowledge_decision set search_text = lower(title || ' ' || coalesce(rationale, ''))"
                + " where requester = ? or decided_by = ?", person, person);
        changed += update("update request_step_view set rationale = ? where decided_by = ? and rationale is not null",
                TEXT, person);
        // a committee vote's reason is sealed under whoever cast it (VoteCast.votedBy), as a decision's is
        changed += update("update vote_voter set rationale = ? where voted_by = ? and rationale is not null", TEXT,
                person);
        changed += update("update knowledge_comment set search_text = ? where comment_id in "
                + "(select id from request_comment_view where author = ?)", TEXT, person);
        changed += update("update request_comment_view set text = ? where author = ?", TEXT, person);
        changed += update("update request_question_view set question = ? where asked_by = ?", TEXT, person);
        changed += update("update request_question_view set answer = ? where answered_by = ?", TEXT, person);
        // the files they attached: the name, and the bytes unless someone still kept attached the same file
        changed += AttachedFiles.forgetOfPerson(jdbc, person);
        changed += update("update request_attachment_view set file_name = ? where added_by = ?", TEXT, person);
        changed += update("update mandate set reason = ? where grantor = ? and reason is not null", TEXT, person);
        changed += update("update mandate set revoke_reason = ? where revoked_by = ? and revoke_reason is not null",
                TEXT, person);
        // the trail points at the stored events (sealed); only its rationale column was taken in clear
        changed += update("update audit_event set rationale = ? where rationale is not null and global_index in "
                + "(select global_index from domain_event_entry where " + StoredEvents.payloadAsText(jdbc)
                + " like ? escape '\\')", TEXT, "%\"" + PersonalFields.SUBJECT + "\":\"" + like(person) + "\"%");
        for (String name : names) {
            changed += sweep(name, NAME);
        }
        for (String text : texts) {
            changed += sweep(text, TEXT);
        }
        return changed;
    }

    /**
     * Their texts, read before anything is blanked. Not their job title: "Teacher" is other people's title too, and
     * it is blanked where it is known to be theirs.
     */
    private Set<String> theirTexts(String person) {
        Set<String> texts = new LinkedHashSet<>();
        texts.addAll(jdbc.queryForList("select email from mail_address where person_id = ?", String.class, person));
        texts.addAll(jdbc.queryForList("select title from request_view where requester = ?", String.class, person));
        texts.addAll(jdbc.queryForList("select description from request_view where requester = ? and description "
                + "is not null", String.class, person));
        texts.addAll(jdbc.queryForList("select rationale from request_step_view where decided_by = ? and rationale "
                + "is not null", String.class, person));
        texts.addAll(jdbc.queryForList("select rationale from vote_voter where voted_by = ? and rationale is not null",
                String.class, person));
        texts.addAll(jdbc.queryForList("select text from request_comment_view where author = ?", String.class,
                person));
        texts.addAll(jdbc.queryForList("select question from request_question_view where asked_by = ?", String.class,
                person));
        texts.addAll(jdbc.queryForList("select answer from request_question_view where answered_by = ? and answer is "
                + "not null", String.class, person));
        texts.addAll(jdbc.queryForList("select file_name from request_attachment_view where added_by = ?",
                String.class, person));
        texts.addAll(jdbc.queryForList("select reason from mandate where grantor = ? and reason is not null",
                String.class, person));
        texts.removeIf(text -> text.isBlank());
        return texts;
    }

    /**
     * Replaces the text, as written, as escaped inside JSON and (a text, not a name) lower-cased, in every text column
     * of every read model; texts shorter than {@link #SWEPT_FROM} (names: 3) are left, as they may be anyone's.
     */
    int sweep(String text, String replacement) {
        boolean name = replacement.equals(NAME);
        if (!name && text.length() < SWEPT_FROM || name && text.length() < 3) {
            return 0;
        }
        Set<String> forms = new LinkedHashSet<>(List.of(text, new String(JsonStringEncoder.getInstance()
                .quoteAsString(text))));
        if (!name) {
            forms.add(text.toLowerCase(Locale.ROOT));
        }
        int changed = 0;
        for (String[] column : textColumns()) {
            for (String form : forms) {
                String table = '"' + column[0] + '"';
                String cell = '"' + column[1] + '"';
                // quoted as the catalogue spells them: H2 keeps Flyway's lower-case table name as it was created
                changed += update("update " + table + " set " + cell + " = replace(" + cell + ", ?, ?) where " + cell
                        + " like ? escape '\\'", form, replacement, "%" + like(form) + "%");
            }
        }
        return changed;
    }

    private List<String[]> textColumns() {
        return jdbc.query("select table_name, column_name from information_schema.columns "
                        + "where table_schema = current_schema and (lower(data_type) like '%char%' "
                        + "or lower(data_type) in ('text', 'clob', 'character large object'))",
                (row, n) -> new String[]{row.getString("table_name"), row.getString("column_name")}).stream()
                .filter(column -> !NOT_READ_MODELS.contains(column[0].toLowerCase(Locale.ROOT))
                        && !column[0].toLowerCase(Locale.ROOT).startsWith("act_"))
                .toList();
    }

    private int update(String sql, Object... arguments) {
        return jdbc.update(sql, arguments);
    }

    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
