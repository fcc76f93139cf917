package org.mandate.app.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compacts Mandate's H2 file at start-up, before anything else opens it. With {@code WRITE_DELAY=0} (every commit
 * on disk before the caller hears of it) H2 compacts nothing while it runs: only its background writer does, and
 * that setting turns the writer off. Every commit appends a chunk, and a chunk is freed only when all of its pages
 * are dead, so the file grows many times faster than the data in it (a benchmark's file: 150 MB holding 0.7 MB).
 * {@code SHUTDOWN COMPACT} rewrites the live pages together; a restart brings the file back to its data's size.
 */
final class H2Compaction implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    private static final String FILE_URL = "jdbc:h2:file:";

    private final Environment environment;

    H2Compaction(Environment environment) {
        this.environment = environment;
    }

    /** Runs before the connection pool is ready, so before Flyway, Axon or the engine has opened the file. */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof DataSource && name.equals("dataSource")
                && environment.getProperty("mandate.h2.compact-on-start", Boolean.class, true)) {
            compact(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username", "sa"),
                    environment.getProperty("spring.datasource.password", ""));
        }
        return bean;
    }

    /** Compacts the database at {@code url} if it is an H2 file that exists; anything else is left alone. */
    static void compact(String url, String user, String password) {
        File file = file(url);
        if (file == null || !file.isFile()) {
            return;
        }
        long before = file.length();
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // closing what SHUTDOWN already closed fails; the compaction itself either finished or threw before
            if (file.length() == before) {
                log.warn("Could not compact {}: {}; starting with the file as it is", file, e.getMessage());
                return;
            }
        }
        log.info("Compacted {}: {} KB -> {} KB in {} ms", file, before >> 10, file.length() >> 10,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The .mv.db file an H2 file URL names, or null for any other URL. */
    static File file(String url) {
        if (url == null || !url.startsWith(FILE_URL)) {
            return null;
        }
        String path = url.substring(FILE_URL.length());
        int options = path.indexOf(';');
        return new File((options < 0 ? path : path.substring(0, options)) + ".mv.db");
    }
}
