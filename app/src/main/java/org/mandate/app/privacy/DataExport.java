package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.RecordDataExport;
import org.mandate.projections.StoredEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Subject access: everything Mandate holds about a person, in clear, as JSON: their directory entry and every
 * event that names them (theirs, or one where they are the requester, decider, holder, grantor, ...), read from
 * the event store through the event serializer, so sealed fields are opened (or read as erased). The export is
 * itself recorded as an event on the person, with who exported it.
 */
@Service
public class DataExport {

    private final JdbcTemplate jdbc;
    private final Serializer events;
    private final ObjectMapper json;
    private final CommandGateway commands;

    DataExport(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer events, ObjectMapper json,
               CommandGateway commands) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.commands = commands;
    }

    public ObjectNode export(String person, String admin) {
        List<Map<String, Object>> entry = jdbc.queryForList("select id, name, title, manager_id, roles, active "
                + "from directory_person where id = ?", person);
        if (entry.isEmpty()) {
            throw AppRefusals.notFound("refusal.people.nobody", person);
        }
        ObjectNode export = json.createObjectNode();
        export.put("personId", person);
        export.set("directory", json.valueToTree(entry.get(0)));
        export.set("email", json.valueToTree(jdbc.queryForList("select email from mail_address where person_id = ?",
                String.class, person)));
        ArrayNode found = export.putArray("events");
        // the store itself finds the events that name them (ids are kept in clear), so nothing recorded is missed
        jdbc.query("select global_index, time_stamp, payload_type, payload_revision, payload from domain_event_entry "
                + "where aggregate_identifier = ? or " + StoredEvents.payloadAsText(jdbc) + " like ? escape '\\' "
                + "order by global_index", row -> {
                    ObjectNode event = found.addObject();
                    event.put("globalIndex", row.getLong("global_index"));
                    event.put("at", row.getString("time_stamp"));
                    String type = row.getString("payload_type");
                    event.put("type", type.substring(type.lastIndexOf('.') + 1));
                    Object payload = events.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                            byte[].class, type, row.getString("payload_revision")));
                    event.set("payload", json.valueToTree(payload));
                }, person, "%\"value\":\"" + like(person) + "\"%");
        commands.sendAndWait(new RecordDataExport(PersonId.of(person), PersonId.of(admin), found.size()));
        return export;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
