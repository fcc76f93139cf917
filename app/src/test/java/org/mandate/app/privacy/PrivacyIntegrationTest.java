package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.mandate.app.MandateIntegrationTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What the erasure and retention tests both ask: whether a text survives anywhere in the database or the event
 * store, and whether the ledger still verifies against a digest taken before.
 */
abstract class PrivacyIntegrationTest extends MandateIntegrationTest {

    protected String caughtUpDigest() {
        await().atMost(Duration.ofSeconds(30)).until(() -> verification(null).path("pending").asLong() == 0
                && verification(null).path("eventsChecked").asLong() == eventCount());
        return as("ada").get("/api/audit/digest").json().path("head").asText();
    }

    protected long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    protected JsonNode verification(String digest) {
        return as("ada").get("/api/audit/verification" + (digest == null ? "" : "?digest=" + digest)).json();
    }

    /** Every text column of every table, the engine's included: table.column of each cell holding the text. */
    protected List<String> textCellsContaining(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
                + "information_schema.columns where table_schema = current_schema and (lower(data_type) like "
                + "'%char%' or lower(data_type) in ('text', 'clob', 'character large object'))");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            Integer count = jdbc.queryForObject("select count(*) from \"" + table + "\" where lower(\"" + name
                    + "\") like ?", Integer.class, "%" + text.toLowerCase(Locale.ROOT) + "%");
            if (count != null && count > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    protected List<Long> storedEventsContaining(String text) {
        List<Long> found = new ArrayList<>();
        jdbc.query("select global_index, payload, meta_data from domain_event_entry", row -> {
            String payload = new String(row.getBytes("payload"), StandardCharsets.UTF_8);
            String meta = row.getBytes("meta_data") == null ? ""
                    : new String(row.getBytes("meta_data"), StandardCharsets.UTF_8);
            if (payload.contains(text) || meta.contains(text)) {
                found.add(row.getLong("global_index"));
            }
        });
        return found;
    }
}
