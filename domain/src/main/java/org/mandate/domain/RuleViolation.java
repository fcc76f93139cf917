package org.mandate.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A command broke a domain rule. The message is written for the person who sent the command:
 * what was wrong and what to do instead. The kind tells the API which status to answer with.
 *
 * <p>A domain rule refuses with a {@link Refusals code} and its arguments, so the sentence can be given in the
 * person's language ({@link #message(Locale)}); {@link #getMessage()} is the English one, for logs, tests and
 * events that keep a reason. A refusal made with a sentence (the factories below, used by the app) has no code and
 * reads as written in every language.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final List<Object> args;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RuleViolation(Kind kind, String message) {
        super(message);
        this.kind = kind;
        this.code = null;
        this.args = List.of();
    }

    /** Arguments are kept as the text they show in English, so no language writes a number or a date otherwise. */
    RuleViolation(Kind kind, String code, List<Object> args) {
        super(Refusals.text(code, args, Locale.ENGLISH));
        this.kind = kind;
        this.code = code;
        this.args = List.copyOf(args);
    }

    public Kind kind() {
        return kind;
    }

    /** The refusal's code in the domain's bundle, or null for one made with a sentence as written. */
    public String code() {
        return code;
    }

    /** The arguments as text, or as a {@link Refusals.Phrase} to be given in the sentence's language. */
    public List<Object> args() {
        return args;
    }

    /** The sentence in {@code locale}'s language where the bundles have it, else in English. */
    public String message(Locale locale) {
        return code == null ? getMessage() : Refusals.text(code, args, locale);
    }

    /** Adds something the caller can act on item by item (the API sends it as a problem+json property). */
    public RuleViolation with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public static RuleViolation invalid(String message) {
        return new RuleViolation(Kind.INVALID, message);
    }

    public static RuleViolation forbidden(String message) {
        return new RuleViolation(Kind.FORBIDDEN, message);
    }

    public static RuleViolation notFound(String message) {
        return new RuleViolation(Kind.NOT_FOUND, message);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message);
    }
}
