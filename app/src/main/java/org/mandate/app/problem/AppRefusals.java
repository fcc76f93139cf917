package org.mandate.app.problem;

import org.mandate.app.web.voice.Messages;
import org.mandate.domain.RuleViolation;

import java.util.Locale;

/**
 * A rule the app checks itself (an unknown id in the address, a parameter out of range) refused with words from the
 * app's bundles, so that {@link Refusal} gives it in the caller's language like a domain refusal. The message is
 * the English sentence, for logs.
 */
public final class AppRefusals {

    private AppRefusals() {
    }

    public static RuleViolation invalid(String key, Object... args) {
        return new Worded(RuleViolation.Kind.INVALID, key, args);
    }

    public static RuleViolation forbidden(String key, Object... args) {
        return new Worded(RuleViolation.Kind.FORBIDDEN, key, args);
    }

    public static RuleViolation notFound(String key, Object... args) {
        return new Worded(RuleViolation.Kind.NOT_FOUND, key, args);
    }

    public static RuleViolation conflict(String key, Object... args) {
        return new Worded(RuleViolation.Kind.CONFLICT, key, args);
    }

    private static final class Worded extends RuleViolation {

        private final String key;
        private final Object[] args;

        Worded(Kind kind, String key, Object[] args) {
            super(kind, Messages.english(key, args));
            this.key = key;
            this.args = args.clone();
        }

        @Override
        public String message(Locale locale) {
            return Messages.in(locale, key, args);
        }
    }
}
