package org.mandate.app.audit;

import org.mandate.app.problem.AppRefusals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads time parameters: an instant in ISO-8601 ({@code 2026-03-01T09:30:00Z}), or, as people type them into the
 * auditor's filters, a day ({@code 2026-03-01}, its start in UTC) or a time without a zone (taken as UTC). A
 * malformed one is refused with the formats to use, naming the field so a page can show it next to it.
 */
final class Instants {

    private Instants() {
    }

    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notATime) {
                    throw AppRefusals.invalid("refusal.audit.instant", name, value).with("field", name);
                }
            }
        }
    }
}
