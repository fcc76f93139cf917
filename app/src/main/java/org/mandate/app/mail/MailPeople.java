package org.mandate.app.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.EmailSet;
import org.mandate.domain.notification.Delivery;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.notification.NotificationPreferenceSet;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who has which address and wants what, written in the command's own transaction (a subscribing processor): a
 * changed choice answers its caller at once, and the outbox applies it from the next event on. Mail is on or off,
 * this view is always kept, so choices made while mail is off hold once it is on.
 */
@ProcessingGroup(MailPeople.NAME)
public class MailPeople {

    static final String NAME = "mail-people";

    /** One kind's choice: how, and at which hour for a digest. */
    public record Choice(Delivery delivery, Integer digestHour) {
        static final Choice DEFAULT = new Choice(Delivery.AT_ONCE, null);
    }

    private final JdbcTemplate jdbc;

    MailPeople(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmailSet event) {
        if (jdbc.update("update mail_address set email = ? where person_id = ?", event.email(),
                event.personId().value()) == 0) {
            jdbc.update("insert into mail_address (person_id, email) values (?, ?)", event.personId().value(),
                    event.email());
        }
    }

    @EventHandler
    void on(NotificationPreferenceSet event) {
        jdbc.update("delete from notification_preference where person_id = ? and kind = ?",
                event.personId().value(), event.kind().name());
        jdbc.update("insert into notification_preference (person_id, kind, delivery, digest_hour) values (?, ?, ?, ?)",
                event.personId().value(), event.kind().name(), event.delivery().name(), event.digestHour());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from mail_address");
        jdbc.update("delete from notification_preference");
    }

    public Optional<String> address(String personId) {
        return jdbc.queryForList("select email from mail_address where person_id = ?", String.class, personId)
                .stream().findFirst();
    }

    /** The person's choice for each kind; a kind never chosen reaches them at once. */
    public Map<NoticeKind, Choice> choices(String personId) {
        Map<NoticeKind, Choice> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            choices.put(kind, Choice.DEFAULT);
        }
        jdbc.query("select kind, delivery, digest_hour from notification_preference where person_id = ?", row -> {
            Object hour = row.getObject("digest_hour");
            choices.put(NoticeKind.valueOf(row.getString("kind")), new Choice(Delivery.valueOf(
                    row.getString("delivery")), hour == null ? null : ((Number) hour).intValue()));
        }, personId);
        return choices;
    }

    Choice choice(String personId, NoticeKind kind) {
        return choices(personId).get(kind);
    }
}
