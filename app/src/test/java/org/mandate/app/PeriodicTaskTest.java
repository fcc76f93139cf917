package org.mandate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicTaskTest {

    /**
     * The CI failure this guards against: a test stopped a retention timer while its run was deleting on the shared
     * embedded database; the interrupt closed H2's file for every connection, and the next tests got 503s.
     */
    @Test
    void stoppingATaskLetsARunWritingToTheEmbeddedDatabaseFinish_andTheDatabaseStillAnswers(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("mandate") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (Connection kept = DriverManager.getConnection(url, "sa", "");
             Statement statement = kept.createStatement()) {
            statement.execute("create table tick (n int)");
            CountDownLatch writing = new CountDownLatch(1);
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            PeriodicTask task = PeriodicTask.start("test-writer", Duration.ZERO, Duration.ofHours(1), () -> {
                try (Connection own = DriverManager.getConnection(url, "sa", "");
                     Statement insert = own.createStatement()) {
                    for (int i = 0; i < 300; i++) { // each insert commits and writes the file (WRITE_DELAY=0)
                        insert.execute("insert into tick values (" + i + ")");
                        written.incrementAndGet();
                        writing.countDown();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                }
            });
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            task.stop();

            assertThat(failure.get()).as("the run under way was let finish").isNull();
            assertThat(written.get()).isEqualTo(300);
            statement.execute("insert into tick values (-1)");
            try (var rows = statement.executeQuery("select count(*) from tick")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the database still answers, with every row").isEqualTo(301);
            }
        }
    }
}
