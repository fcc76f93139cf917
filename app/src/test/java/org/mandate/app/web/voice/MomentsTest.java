package org.mandate.app.web.voice;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.web.Moments;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Times in the person's language and zone, durations from the bundles; English outside a request. */
class MomentsTest {

    private static final Instant AT = Instant.parse("2026-12-07T13:05:00Z");

    @BeforeEach
    void bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // all of the app's bundles: a later test in the same JVM may read them through Messages.of
        source.setBasenames("messages/pages", "messages/admin", "messages/mail", "messages/console");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        new Messages(source);
    }

    @AfterEach
    void noRequest() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aGermanPageInBerlinSaysTheTimeTheGermanWay() {
        speaking(Locale.GERMAN, "Europe/Berlin");

        assertThat(Moments.when(AT)).isEqualTo("7. Dez. 2026, 14:05 MEZ");
        assertThat(Moments.dueIn(AT, AT.plus(Duration.ofDays(2)))).isEqualTo("fällig, noch 2 Tage");
        assertThat(Moments.overdueBy(AT, AT.plus(Duration.ofMinutes(1)))).isEqualTo("1 Minute überfällig");
    }

    @Test
    void howLongAgoTakesTheDativeInGerman() {
        speaking(Locale.GERMAN, "Europe/Berlin");

        assertThat(Moments.ago(AT, AT.plus(Duration.ofDays(2)))).isEqualTo("vor 2 Tagen");
        assertThat(Moments.ago(AT, AT.plus(Duration.ofMinutes(5)))).isEqualTo("vor 5 Minuten");
        assertThat(Moments.spanSince(AT, AT.plus(Duration.ofDays(1)))).isEqualTo("einem Tag");

        speaking(Locale.ENGLISH, "Europe/Berlin");
        assertThat(Moments.ago(AT, AT.plus(Duration.ofDays(2)))).isEqualTo("2 days ago");
        assertThat(Moments.spanSince(AT, AT.plus(Duration.ofHours(1)))).isEqualTo("1 hour");
    }

    @Test
    void anEnglishPageInBerlinSaysItTheEnglishWay() {
        speaking(Locale.ENGLISH, "Europe/Berlin");

        assertThat(Moments.when(AT)).isEqualTo("7 Dec 2026, 14:05 CET");
        assertThat(Moments.dueIn(AT, AT.plus(Duration.ofHours(5)))).isEqualTo("due in 5 hours");
        assertThat(Moments.span(AT, AT.plus(Duration.ofSeconds(20)))).isEqualTo("less than a minute");
    }

    @Test
    void outsideARequestItIsEnglish() {
        assertThat(Moments.span(AT, AT.plus(Duration.ofMinutes(5)))).isEqualTo("5 minutes");
        assertThat(Messages.locale()).isEqualTo(Locale.ENGLISH);
    }

    private static void speaking(Locale locale, String zone) {
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone)));
    }
}
