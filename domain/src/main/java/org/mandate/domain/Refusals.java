package org.mandate.domain;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The domain's refusals by code, e.g. {@code throw Refusals.invalid("request.submissionPolicy.aRequestNeedsATitle")}.
 * Their words are in {@code org/mandate/domain/refusals.properties} (English) and {@code refusals_de.properties}
 * (German), read as UTF-8. Every sentence goes through {@link MessageFormat}, with or without arguments, so a
 * straight quote is always written {@code ''} there. Arguments are turned into text here, as string concatenation
 * did before, so an amount or a moment reads the same in every language and the English sentences did not change;
 * a {@link Phrase} is the exception, words given in the sentence's language.
 */
public final class Refusals {

    static final String BUNDLE = "org.mandate.domain.refusals";
    /** Never the server's own locale: a language the bundles lack is English, as the base bundle is. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Refusals() {
    }

    public static RuleViolation invalid(String code, Object... args) {
        return new RuleViolation(RuleViolation.Kind.INVALID, code, texts(args));
    }

    public static RuleViolation forbidden(String code, Object... args) {
        return new RuleViolation(RuleViolation.Kind.FORBIDDEN, code, texts(args));
    }

    public static RuleViolation notFound(String code, Object... args) {
        return new RuleViolation(RuleViolation.Kind.NOT_FOUND, code, texts(args));
    }

    public static RuleViolation conflict(String code, Object... args) {
        return new RuleViolation(RuleViolation.Kind.CONFLICT, code, texts(args));
    }

    /**
     * A part of a sentence from the bundle that the sentence takes as an argument (a request's status, a clause
     * that applies only sometimes), so that it is given in the sentence's language too.
     */
    public record Phrase(String code, List<Object> args) {
    }

    public static Phrase phrase(String code, Object... args) {
        return new Phrase(code, List.copyOf(texts(args)));
    }

    /**
     * The sentence under {@code code} in {@code locale}'s language, else in English (the base bundle is the German
     * one's parent); a code in neither fails loudly, which {@code RefusalsBundleTest} keeps from happening.
     */
    static String text(String code, List<Object> args, Locale locale) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Refusals.class.getClassLoader(), NO_FALLBACK)
                .getString(code);
        Object[] texts = args.stream()
                .map(arg -> arg instanceof Phrase part ? text(part.code(), part.args(), locale) : arg)
                .toArray();
        return new MessageFormat(pattern, locale).format(texts);
    }

    private static List<Object> texts(Object[] args) {
        List<Object> texts = new ArrayList<>(args.length);
        for (Object arg : args) {
            texts.add(arg instanceof Phrase ? arg : String.valueOf(arg));
        }
        return texts;
    }
}
