package org.mandate.app.client;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandate.domain.client.SystemClientRegistered;
import org.mandate.domain.client.SystemClientRemoved;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The registered system clients as a table, written in the command's own transaction (a subscribing processor), so
 * a registration or removal applies to the client's next call on every node. Security reads the same table.
 */
@Component
@ProcessingGroup(SystemClients.NAME)
public class SystemClients {

    static final String NAME = "system-clients";

    public record Client(String clientId, String actsAs, List<String> scopes, String registeredBy,
                         Instant registeredAt, boolean active) {
    }

    private final JdbcTemplate jdbc;

    SystemClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SystemClientRegistered event) {
        jdbc.update("delete from system_client where client_id = ?", event.clientId());
        jdbc.update("insert into system_client (client_id, acts_as, scopes, registered_by, registered_at, active) "
                        + "values (?, ?, ?, ?, ?, ?)", event.clientId(), event.actsAs().value(),
                String.join(" ", event.scopes()), event.registeredBy().value(),
                Rows.timestamp(event.registeredAt()), true);
    }

    @EventHandler
    void on(SystemClientRemoved event) {
        jdbc.update("update system_client set active = ? where client_id = ?", false, event.clientId());
    }

    public List<Client> all() {
        return jdbc.query("select * from system_client order by client_id", (row, n) -> read(row));
    }

    public Client find(String clientId) {
        return jdbc.query("select * from system_client where client_id = ?", (row, n) -> read(row), clientId)
                .stream().findFirst().orElse(null);
    }

    private static Client read(ResultSet row) throws SQLException {
        return new Client(row.getString("client_id"), row.getString("acts_as"),
                List.of(row.getString("scopes").split(" ")), row.getString("registered_by"),
                Rows.instant(row, "registered_at"), row.getBoolean("active"));
    }
}
