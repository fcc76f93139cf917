package org.mandate.app.web.voice;

import jakarta.servlet.http.HttpServletRequest;
import org.mandate.domain.preference.Preferences;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Sentences built in Java for a page, in the page's language. Outside a request (a job) that is English:
 * never the server's own locale.
 */
@Component
public class Messages {

    private static MessageSource shared;

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
        shared = source; // for the few static helpers (Moments) that templates and records call without a bean
    }

    public String text(String key, Object... args) {
        return source.getMessage(key, args, locale());
    }

    /** The text under {@code key}, or {@code fallback} if the bundles have none (a name not translated yet). */
    public String orDefault(String key, String fallback) {
        return source.getMessage(key, null, fallback, locale());
    }

    /** The same, from code that has no bean at hand; falls back to the key if no context has started. */
    public static String of(String key, Object... args) {
        return shared == null ? key : shared.getMessage(key, args, locale());
    }

    /**
     * The same, or {@code fallback} if the bundles have no {@code key} (a name not translated, e.g. an event kind
     * subscribed to over the API) or no context has started.
     */
    public static String ofOr(String key, String fallback, Object... args) {
        return shared == null ? fallback : shared.getMessage(key, args, fallback, locale());
    }

    /** The text under {@code key} in English whatever the page's language (for logs and code that reads it). */
    public static String english(String key, Object... args) {
        return bundles().getMessage(key, args, Locale.ENGLISH);
    }

    /** The text under {@code key} in {@code locale}'s language. */
    public static String in(Locale locale, String key, Object... args) {
        return bundles().getMessage(key, args, locale);
    }

    /**
     * The context's bundles, or before any context (a unit test of a check that refuses) the same bundles read
     * directly, as {@code spring.messages} in application.yaml configures them: a refusal always has its words.
     */
    private static MessageSource bundles() {
        return shared != null ? shared : Standalone.BUNDLES;
    }

    private static final class Standalone {
        static final MessageSource BUNDLES = read();

        private static MessageSource read() {
            ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
            bundles.setBasenames("messages/pages", "messages/admin", "messages/mail", "messages/console");
            bundles.setDefaultEncoding("UTF-8");
            bundles.setFallbackToSystemLocale(false);
            return bundles;
        }
    }

    /** The page's language; English outside a request. */
    public static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null ? Locale.ENGLISH : LocaleContextHolder.getLocale();
    }

    /**
     * The browser's languages in the order it prefers them (Accept-Language), the first Mandate speaks; also for
     * answers given when a person's own choice cannot be read (the database out of reach).
     */
    public static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH; // not the server's own locale, which the servlet container would give
        }
        var wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            String language = wanted.nextElement().getLanguage();
            if (Preferences.LANGUAGES.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
    }
}
