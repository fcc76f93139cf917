package org.mandate.app.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.domain.RuleViolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a directory file as sent, before any rule: a CSV with a header row ({@code id,name,title,manager,
 * email,roles,authority}; roles separated by {@code ;}, authority as {@code category=amount;…} with {@code *} for
 * every category), or JSON ({@code {"people": [{"id", "name", "title", "manager", "email", "roles": [],
 * "authority": {"*": 2000}}]}} or the bare list). A column or key left out means "leave as it is"; an empty one
 * means none (no manager, no roles, no authority).
 */
final class DirectoryFile {

    static final int MAX_ROWS = 10_000;
    /** Stands for an authority that is not category and amount pairs at all (no category can be this). */
    static final String NOT_LIMITS = "\u0000";
    static final List<String> COLUMNS = List.of("id", "name", "title", "manager", "email", "roles", "authority");

    /**
     * One person as the file gives them; {@code null} where the file says nothing. Roles and authority are kept as
     * written (validated later, so that every problem is listed): roles as names, authority as category to amount.
     */
    record Entry(int row, String id, String name, String title, String manager, String email, List<String> roles,
                 Map<String, String> authority) {
    }

    private DirectoryFile() {
    }

    static List<Entry> csv(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw RuleViolation.invalid("The file is empty; send a header row (" + String.join(",", COLUMNS)
                    + ") and one row per person.");
        }
        List<String> header = records.get(0).stream().map(column -> column.strip().toLowerCase()).toList();
        List<String> unknown = header.stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!header.contains("id") || !unknown.isEmpty()) {
            throw RuleViolation.invalid("The first row must name the columns, among " + String.join(",", COLUMNS)
                    + ", with id among them" + (unknown.isEmpty() ? "" : "; " + unknown + " are not columns") + ".");
        }
        tooMany(records.size() - 1);
        List<Entry> entries = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c).strip() : "");
            }
            List<String> roles = row.containsKey("roles") ? split(row.get("roles"), "[;\\s]+") : null;
            Map<String, String> authority = null;
            if (row.containsKey("authority")) {
                authority = new LinkedHashMap<>();
                for (String limit : split(row.get("authority"), ";")) {
                    int equals = limit.indexOf('=');
                    String category = equals < 0 ? limit : limit.substring(0, equals).strip();
                    String amount = equals < 0 ? "" : limit.substring(equals + 1).strip();
                    if (authority.put(category, amount) != null) {
                        authority.put(category, "twice");
                    }
                }
            }
            entries.add(new Entry(r + 1, row.getOrDefault("id", ""), row.get("name"), row.get("title"),
                    row.get("manager"), row.get("email"), roles, authority));
        }
        return entries;
    }

    static List<Entry> json(String text, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw RuleViolation.invalid("The file is not JSON: " + unreadable.getOriginalMessage() + ". Send "
                    + "{\"people\": [{\"id\": \"sam\", \"name\": \"Sam Lee\", \"manager\": \"sofia\", …}]}.");
        }
        JsonNode people = root != null && root.isObject() ? root.path("people") : root;
        if (people == null || !people.isArray()) {
            throw RuleViolation.invalid("The JSON must be {\"people\": [...]} or a list of people, each like "
                    + "{\"id\": \"sam\", \"name\": \"Sam Lee\", \"manager\": \"sofia\", \"roles\": [], "
                    + "\"authority\": {\"*\": 2000}}.");
        }
        tooMany(people.size());
        List<Entry> entries = new ArrayList<>();
        int row = 0;
        for (JsonNode person : people) {
            row++;
            List<String> roles = null;
            if (person.has("roles")) {
                roles = new ArrayList<>();
                if (person.get("roles").isArray()) {
                    for (JsonNode role : person.get("roles")) {
                        roles.add(role.asText());
                    }
                } else if (!person.get("roles").isNull()) {
                    roles.addAll(split(person.get("roles").asText(), "[;,\\s]+"));
                }
            }
            Map<String, String> authority = null;
            if (person.has("authority")) {
                authority = new LinkedHashMap<>();
                JsonNode limits = person.get("authority");
                if (limits.isObject()) {
                    for (var it = limits.fields(); it.hasNext(); ) {
                        var limit = it.next();
                        authority.put(limit.getKey(), limit.getValue().isNumber()
                                ? limit.getValue().decimalValue().toPlainString() : limit.getValue().asText());
                    }
                } else if (!limits.isNull()) {
                    // refused by the rules, with the file's other problems
                    authority.put(NOT_LIMITS, limits.toString());
                }
            }
            entries.add(new Entry(row, text(person, "id"), text(person, "name"), text(person, "title"),
                    text(person, "manager"), text(person, "email"), roles, authority));
        }
        return entries;
    }

    private static String text(JsonNode person, String field) {
        if (!person.has(field)) {
            return null;
        }
        JsonNode value = person.get(field);
        return value.isNull() ? "" : value.asText().strip();
    }

    private static void tooMany(int rows) {
        if (rows > MAX_ROWS) {
            throw RuleViolation.invalid("The file has " + rows + " people; send at most " + MAX_ROWS
                    + " at a time.");
        }
    }

    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : text.strip().split(separator)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), records by line breaks. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw RuleViolation.invalid("A quoted field is never closed; check the file's double quotes.");
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
