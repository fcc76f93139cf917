package org.mandate.app.mail;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionsTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages/mail");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final MailVoice.Voice ENGLISH = new MailVoice.Voice(MESSAGES, Locale.ENGLISH, ZoneId.of("UTC"));
    private static final MailVoice.Voice GERMAN = new MailVoice.Voice(MESSAGES, Locale.GERMAN, ZoneId.of("UTC"));

    @Test
    void oneStoredDecisionIsToldInEitherLanguage_theTypedWordsAsTyped() {
        String stored = Decisions.stored("REJECTED", "Liam Chen", "Sofia Reyes", "Zu teuer");
        assertThat(Decisions.text(stored, ENGLISH)).isEqualTo("Rejected by Liam Chen for Sofia Reyes: “Zu teuer”");
        assertThat(Decisions.text(stored, GERMAN)).isEqualTo("Abgelehnt von Liam Chen für Sofia Reyes: „Zu teuer“");
        assertThat(Decisions.text(Decisions.stored("APPROVED", "Liam Chen", "", ""), GERMAN))
                .isEqualTo("Genehmigt von Liam Chen.");
        assertThat(Decisions.text(Decisions.stored(Decisions.QUORUM_MET, "2 of 3", "Ana, Ben"), ENGLISH))
                .isEqualTo("Approved by the committee vote (2 of 3): Ana, Ben.");
    }

    @Test
    void aTextStoredAsASentence_fromBeforeOrOverwrittenByTheShredder_isToldAsItIs() {
        assertThat(Decisions.text("Approved by Liam Chen.", GERMAN)).isEqualTo("Approved by Liam Chen.");
        assertThat(Decisions.text("[shredded]", ENGLISH)).isEqualTo("[shredded]");
    }
}
