package org.mandate.app.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real H2 file written the way the app writes (WRITE_DELAY=0, many small commits on random keys). */
class H2CompactionTest {

    @Test
    void aStartShrinksTheFileAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("mandate") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute("create table event (id varchar(36) primary key, payload varchar(500) not null)");
            try (PreparedStatement insert = connection.prepareStatement("insert into event values (?, ?)")) {
                for (int i = 0; i < 3_000; i++) { // one commit each, as commands commit
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "x".repeat(400));
                    insert.executeUpdate();
                }
            }
        }
        File file = H2Compaction.file(url);
        long before = file.length();

        H2Compaction.compact(url, "sa", "");

        assertThat(file.length()).as("compacted from %d bytes", before).isLessThan(before / 2);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet count = connection.createStatement().executeQuery("select count(*) from event")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(3_000);
        }
    }

    @Test
    void onlyAnH2FileThatExistsIsTouched(@TempDir Path dir) {
        String missing = "jdbc:h2:file:" + dir.resolve("nothing-here") + ";WRITE_DELAY=0";

        H2Compaction.compact(missing, "sa", "");
        H2Compaction.compact("jdbc:postgresql://127.0.0.1:5432/mandate", "postgres", "");

        assertThat(H2Compaction.file(missing)).doesNotExist();
        assertThat(H2Compaction.file("jdbc:postgresql://127.0.0.1:5432/mandate")).isNull();
        assertThat(H2Compaction.file("jdbc:h2:file:/var/mandate/data/mandate;WRITE_DELAY=0"))
                .isEqualTo(new File("/var/mandate/data/mandate.mv.db"));
    }
}
