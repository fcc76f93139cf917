package org.mandate.app.audit;

import org.mandate.domain.RuleViolation;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads time parameters, refusing a malformed one with the format to use. */
final class Instants {

    private Instants() {
    }

    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("'" + name + "' must be an instant in ISO-8601 UTC, such as "
                    + "2026-03-01T09:30:00Z; '" + value + "' is not.");
        }
    }
}
