package org.mandate.app.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.AppRefusals;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.notification.Delivery;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.notification.SetNotificationPreference;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person has chosen, reading what they typed or sent as choices, and recording the ones that changed: the
 * API and the page share what they show and the words of every refusal. All choices are checked before any is
 * recorded, so a refusal changes nothing.
 */
class NotificationChoices {

    /** One choice as sent: names, not enums, so that a wrong name gets a sentence, not a parse error. */
    record WantedNotification(String kind, String delivery, Integer digestHour) {
    }

    /**
     * A choice that cannot be recorded, with the kind it concerns (null if none): its words are under {@code key} in
     * the pages bundle, the message in English.
     */
    static final class Refused extends RuntimeException {
        final String kind;
        private final String key;
        private final Object[] args;

        Refused(String kind, String key, Object... args) {
            super(Messages.english(key, args), null, false, false);
            this.kind = kind;
            this.key = key;
            this.args = args;
        }

        /** The sentence in the page's or the API caller's language. */
        String message() {
            return Messages.of(key, args);
        }
    }

    /**
     * What the API and the page show a person: whether mail is on at all, their address, the zone of digest hours,
     * and how each kind of notice reaches them.
     */
    record Standing(boolean mailOn, String address, String zone, Map<NoticeKind, MailPeople.Choice> choices) {
    }

    private final CommandGateway commands;
    private final MailPeople people;
    private final String zone;
    private final boolean mailOn;

    NotificationChoices(CommandGateway commands, MailPeople people, MailSettings settings, MailSwitch mail) {
        this.commands = commands;
        this.people = people;
        this.zone = settings.zone().getId();
        this.mailOn = mail.on();
    }

    Standing of(String personId) {
        return new Standing(mailOn, people.address(personId).orElse(null), zone, people.choices(personId));
    }

    /** Records each choice that differs from what the person has now; returns how many changed. */
    int record(String personId, Iterable<WantedNotification> wanted) {
        Map<NoticeKind, MailPeople.Choice> changes = new LinkedHashMap<>();
        Map<NoticeKind, MailPeople.Choice> current = people.choices(personId);
        for (WantedNotification choice : wanted) {
            if (choice == null) {
                throw new Refused(null, "refusal.notifications.empty");
            }
            NoticeKind kind = parse(NoticeKind.class, choice.kind(), null, "refusal.notifications.giveKind",
                    "refusal.notifications.notAKind");
            Delivery delivery = parse(Delivery.class, choice.delivery(), kind.name(),
                    "refusal.notifications.giveDelivery", "refusal.notifications.notADelivery");
            Integer hour = choice.digestHour();
            if (delivery == Delivery.DAILY_DIGEST && (hour == null || hour < 0 || hour > 23)) {
                // the kind of notice in the sentence's language too
                MessageSourceResolvable words = new DefaultMessageSourceResolvable("notice." + kind.name());
                throw hour == null ? new Refused(kind.name(), "refusal.notifications.hour", words)
                        : new Refused(kind.name(), "refusal.notifications.hourOutOfRange", words, String.valueOf(hour));
            }
            MailPeople.Choice next = new MailPeople.Choice(delivery, delivery == Delivery.DAILY_DIGEST ? hour : null);
            if (!next.equals(current.get(kind))) {
                changes.put(kind, next);
            }
        }
        changes.forEach((kind, choice) -> commands.sendAndWait(new SetNotificationPreference(PersonId.of(personId),
                kind, choice.delivery(), choice.digestHour())));
        return changes.size();
    }

    static String words(NoticeKind kind) {
        return switch (kind) {
            case STEP_ARRIVED -> "steps that arrive for you";
            case REQUEST_DECIDED -> "decisions on your requests";
            case REMINDER -> "reminders of due and overdue steps";
            case MANDATE_GRANTED -> "mandates granted to you";
            case MENTIONED -> "comments that mention you";
        };
    }

    /** {@code missing}, {@code notAllowed}: the keys of the refusals of no name and of a name not allowed. */
    private static <E extends Enum<E>> E parse(Class<E> type, String name, String kind, String missing,
                                               String notAllowed) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw new Refused(kind, missing, allowed);
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Refused(kind, notAllowed, name, allowed);
        }
    }

    static RuleViolation asViolation(Refused refused) {
        return AppRefusals.invalid(refused.key, refused.args);
    }
}
