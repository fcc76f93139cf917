package org.mandate.app.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Erasure and retention on PostgreSQL, where the sweep reads PostgreSQL's catalogue, the files are {@code bytea} and
 * the keys are wrapped in another dialect. A database of its own (recreated each run) and a Spring context of its
 * own with the app's PostgreSQL profile, closed after this class; the shared H2 context stays as it is.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrivacyPostgresIntegrationTest extends PrivacyIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "mandate_privacy";

    /** Runs before the context starts, so an unreachable server skips the class instead of failing to boot it. */
    @BeforeAll
    static void recreateDatabase() {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            admin.createStatement().execute("create database " + DATABASE);
        } catch (SQLException unreachable) {
            abort("PostgreSQL not reachable at 127.0.0.1:5432 as user postgres (" + unreachable.getMessage()
                    + "): install and start it (see .ci/run)");
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> SERVER + DATABASE);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
        properties.add("mandate.demo-story", () -> "false");
    }

    @Test
    void anErasedLeaverLeavesNoClearCopyAndTheProofStillHolds() {
        erasureEndToEnd();
    }

    @Test
    void aClosedRequestPastItsRetentionIsShreddedOnceAndTheProofStillHolds() {
        retentionEndToEnd();
    }
}
