package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mandate.projections.Rows;
import org.mandate.projections.audit.AuditFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authority and the standing mandates in force at an instant, for the people a request involves, folded from
 * the directory and mandate events in the audit trail. Reads events by name and fields by name, so the mandate
 * events recorded by the delegation feature are understood as they are: granted (added), revoked or ended
 * (removed), and in force only between their validFrom and validUntil.
 */
final class AuthorityInForce {

    record Fact(Instant at, String type, JsonNode payload) {
    }

    private final List<Fact> facts;

    AuthorityInForce(List<Fact> facts) {
        this.facts = List.copyOf(facts);
    }

    static AuthorityInForce load(org.springframework.jdbc.core.JdbcTemplate jdbc, ObjectMapper json, Instant until) {
        // the trail finds them, the store holds their payloads (ids and limits in clear)
        List<Fact> facts = jdbc.query("select a.occurred_at, a.event_type, e.payload from audit_event a "
                        + "join domain_event_entry e on e.global_index = a.global_index "
                        + "where (a.event_type in ('PersonJoined', 'AuthoritySet', 'PersonLeft') "
                        + "or a.event_type like '%Mandate%') and a.occurred_at <= ? order by a.global_index",
                (row, n) -> {
                    try {
                        return new Fact(Rows.instant(row, "occurred_at"), row.getString("event_type"),
                                json.readTree(row.getBytes("payload")));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("unreadable payload in the audit trail", e);
                    }
                }, Rows.timestamp(until));
        return new AuthorityInForce(facts);
    }

    ObjectNode at(Instant instant, Set<String> people) {
        Map<String, JsonNode> authority = new LinkedHashMap<>();
        Map<String, ObjectNode> mandates = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact.at().isAfter(instant)) {
                break;
            }
            String person = AuditFields.text(fact.payload().get("personId"));
            switch (fact.type()) {
                case "PersonJoined", "AuthoritySet" -> {
                    JsonNode limits = fact.payload().path("authority").path("limits");
                    authority.put(person, limits.isMissingNode() ? fact.payload().path("authority") : limits);
                }
                case "PersonLeft" -> authority.remove(person);
                default -> mandate(fact, mandates);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode limits = result.putObject("authority");
        authority.forEach((person, value) -> {
            if (people.contains(person)) {
                limits.set(person, value);
            }
        });
        var inForce = result.putArray("mandates");
        mandates.values().stream()
                .filter(mandate -> people.contains(mandate.path("from").asText())
                        || people.contains(mandate.path("to").asText())
                        || people.contains(mandate.path("principal").asText()))
                .filter(mandate -> valid(mandate, instant))
                .forEach(inForce::add);
        return result;
    }

    private static void mandate(Fact fact, Map<String, ObjectNode> mandates) {
        String id = AuditFields.first(fact.payload(), List.of("mandateId", "id"));
        if (id == null) {
            return;
        }
        if (fact.type().contains("Revoked") || fact.type().contains("Ended") || fact.type().contains("Expired")) {
            mandates.remove(id);
            return;
        }
        ObjectNode mandate = JsonNodeFactory.instance.objectNode();
        mandate.put("mandateId", id);
        mandate.put("from", AuditFields.first(fact.payload(), List.of("from", "grantor")));
        mandate.put("to", AuditFields.first(fact.payload(), List.of("to", "holder", "grantee", "delegate")));
        mandate.put("principal", AuditFields.first(fact.payload(), List.of("principal")));
        for (String field : List.of("scope", "categories", "maxAmount", "currency", "validFrom", "validUntil",
                "reason")) {
            if (fact.payload().has(field)) {
                mandate.set(field, fact.payload().get(field));
            }
        }
        mandates.put(id, mandate);
    }

    private static boolean valid(ObjectNode mandate, Instant instant) {
        Instant from = instant(mandate.path("validFrom").asText(null));
        Instant until = instant(mandate.path("validUntil").asText(null));
        return (from == null || !instant.isBefore(from)) && (until == null || instant.isBefore(until));
    }

    /**
     * Mandates may bound their validity by instant, by date (from the start of that day, UTC) or, if serialized
     * as numbers, by epoch seconds.
     */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                try {
                    java.math.BigDecimal seconds = new java.math.BigDecimal(value);
                    return Instant.ofEpochSecond(seconds.longValue(),
                            seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
        }
    }
}
