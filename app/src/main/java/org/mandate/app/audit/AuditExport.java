package org.mandate.app.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.app.privacy.SealedJson;
import org.mandate.projections.audit.AuditEntry;
import org.mandate.projections.audit.AuditQuery;
import org.mandate.projections.audit.AuditTrail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the trail as it is read, row by row, as a JSON array or as CSV: nothing is collected in memory. */
@Component
class AuditExport {

    static final List<String> COLUMNS = List.of("globalIndex", "at", "type", "actor", "onBehalfOf", "mandateId",
            "requestId", "stepId", "rationale", "processVersion", "aggregateType", "aggregateId", "sequence",
            "eventId", "payload", "metaData");

    private final AuditTrail trail;
    private final ObjectMapper json;
    private final SealedJson sealed;

    AuditExport(AuditTrail trail, ObjectMapper json, SealedJson sealed) {
        this.trail = trail;
        this.json = json;
        this.sealed = sealed;
    }

    void json(AuditQuery query, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartArray();
            trail.stream(query, entry -> {
                try {
                    writeJson(generator, entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
        }
    }

    void csv(AuditQuery query, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(String.join(",", COLUMNS));
        writer.write("\r\n");
        trail.stream(query, entry -> {
            try {
                writer.write(csvLine(opened(entry)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private void writeJson(JsonGenerator out, AuditEntry entry) throws IOException {
        out.writeStartObject();
        out.writeNumberField("globalIndex", entry.globalIndex());
        out.writeStringField("at", entry.at().toString());
        out.writeStringField("type", entry.type());
        optional(out, "actor", entry.actor());
        optional(out, "onBehalfOf", entry.onBehalfOf());
        optional(out, "mandateId", entry.mandateId());
        optional(out, "requestId", entry.requestId());
        optional(out, "stepId", entry.stepId());
        optional(out, "rationale", entry.rationale());
        optional(out, "processVersion", entry.processVersion());
        optional(out, "aggregateType", entry.aggregateType());
        optional(out, "aggregateId", entry.aggregateId());
        if (entry.sequence() != null) {
            out.writeNumberField("sequence", entry.sequence());
        }
        out.writeStringField("eventId", entry.eventId());
        out.writeFieldName("payload");
        out.writeRawValue(sealed.open(entry.payload()));
        if (entry.metaData() != null) {
            out.writeFieldName("metaData");
            out.writeRawValue(entry.metaData());
        }
        out.writeEndObject();
    }

    private static void optional(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    /** The entry with its payload's sealed fields opened (or erased): an export is read by people. */
    private AuditEntry opened(AuditEntry entry) {
        return new AuditEntry(entry.globalIndex(), entry.eventId(), entry.type(), entry.aggregateType(),
                entry.aggregateId(), entry.sequence(), entry.at(), entry.actor(), entry.onBehalfOf(), entry.mandateId(),
                entry.requestId(), entry.stepId(), entry.rationale(), entry.processVersion(),
                sealed.open(entry.payload()), entry.metaData());
    }

    static String csvLine(AuditEntry entry) {
        List<Object> cells = List.of(entry.globalIndex(), entry.at(), entry.type(), blank(entry.actor()),
                blank(entry.onBehalfOf()), blank(entry.mandateId()), blank(entry.requestId()), blank(entry.stepId()),
                blank(entry.rationale()), blank(entry.processVersion()), blank(entry.aggregateType()),
                blank(entry.aggregateId()), entry.sequence() == null ? "" : entry.sequence(), entry.eventId(),
                entry.payload(), blank(entry.metaData()));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(String.valueOf(cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    /**
     * RFC 4180 quoting; a text cell that a spreadsheet would run as a formula gets a leading apostrophe, because
     * rationales are typed by users and the export is opened by auditors.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("-?\\d+(\\.\\d+)?") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
