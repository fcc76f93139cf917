package org.mandate.app.mail;

import org.mandate.app.web.Moments;
import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.VoiceChoices;
import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How a mail speaks to its recipient: in the language and time zone they chose on /settings/language, else English
 * and the organisation's mail zone ({@code mandate.mail.zone}). A mail has no browser whose languages could be asked,
 * so nobody who has not chosen gets German. Words come from the {@code mail} bundle; notices are written at queue
 * time, when the recipient is known, so the outbox table keeps finished sentences.
 */
class MailVoice {

    /** One recipient's language and zone. */
    record Voice(MessageSource messages, Locale locale, ZoneId zone) {

        String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        /** "7 Dec 2026, 14:05 UTC" / "7. Dez. 2026, 15:05 MEZ", as pages write times. */
        String at(Instant instant) {
            return Moments.when(instant, locale, zone);
        }

        /** "1,500.50 EUR" / "1.500,50 EUR", as pages write amounts. */
        String amount(BigDecimal amount, String currency) {
            return Amounts.format(amount, currency, locale);
        }

        /** ": “the words”" (German „the words“) when someone typed words, else "."; their words stay as typed. */
        String said(String words) {
            return words == null || words.isBlank() ? text("mail.said.nothing") : text("mail.said", words.strip());
        }

        /** "‘Microscopes’ from Ana Costa". */
        String about(String title, String requester) {
            return text("mail.about", title, requester);
        }
    }

    private final MessageSource messages;
    private final VoiceChoices choices;
    private final ZoneId organisationZone;

    MailVoice(MessageSource messages, VoiceChoices choices, ZoneId organisationZone) {
        this.messages = messages;
        this.choices = choices;
        this.organisationZone = organisationZone;
    }

    /** The organisation's own voice, for the shared chat channel: English and the mail zone. */
    Voice organisation() {
        return new Voice(messages, Locale.ENGLISH, organisationZone);
    }

    Voice of(String person) {
        VoiceChoices.Choice choice = person == null ? new VoiceChoices.Choice(null, null) : choices.of(person);
        Locale locale = "de".equals(choice.language()) ? Locale.GERMAN : Locale.ENGLISH;
        ZoneId zone = choice.zone() != null ? ZoneId.of(choice.zone()) : organisationZone;
        return new Voice(messages, locale, zone);
    }
}
