package org.mandate.projections.process;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.process.ProcessDeployed;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Every recorded version of every approval path. Tracking, so it can be rebuilt from event zero. */
@ProcessingGroup(ProcessVersionsProjection.NAME)
public class ProcessVersionsProjection {

    public static final String NAME = "process-versions";

    private final JdbcTemplate jdbc;

    public ProcessVersionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProcessDeployed event) {
        jdbc.update("delete from process_version where process_key = ? and version = ?", event.processKey(),
                event.version());
        jdbc.update("insert into process_version (process_key, version, engine_definition_id, deployed_by, "
                        + "deployed_at, checksum) values (?, ?, ?, ?, ?, ?)", event.processKey(), event.version(),
                event.engineDefinitionId(), event.deployedBy() == null ? null : event.deployedBy().value(),
                Timestamp.from(event.deployedAt()), event.checksum());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from process_version");
    }

    /** Oldest first. */
    public List<ProcessVersionRow> versionsOf(String processKey) {
        return jdbc.query("select * from process_version where process_key = ? order by version", this::row,
                processKey);
    }

    public Optional<ProcessVersionRow> find(String processKey, int version) {
        return jdbc.query("select * from process_version where process_key = ? and version = ?", this::row,
                processKey, version).stream().findFirst();
    }

    private ProcessVersionRow row(ResultSet row, int rowNumber) throws SQLException {
        return new ProcessVersionRow(row.getString("process_key"), row.getInt("version"),
                row.getString("engine_definition_id"), row.getString("deployed_by"),
                row.getTimestamp("deployed_at").toInstant(), row.getString("checksum"));
    }
}
