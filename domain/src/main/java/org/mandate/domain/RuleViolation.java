package org.mandate.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command broke a domain rule. The message is written for the person who sent the command:
 * what was wrong and what to do instead. The kind tells the API which status to answer with.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RuleViolation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
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
