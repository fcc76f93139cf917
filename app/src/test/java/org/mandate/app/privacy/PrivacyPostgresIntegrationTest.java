package org.mandate.app.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.app.PostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Erasure, retention and re-encryption on PostgreSQL, where the sweep reads PostgreSQL's catalogue, the files are {@code bytea} and
 * the keys are wrapped in another dialect. A database of its own (recreated each run) and a Spring context of its
 * own with the app's PostgreSQL profile, closed after this class; the shared H2 context stays as it is.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrivacyPostgresIntegrationTest extends PrivacyIntegrationTest {

    private static final String DATABASE = "mandate_privacy";

    /** Runs before the context starts, so an unreachable server skips the class instead of failing to boot it. */
    @BeforeAll
    static void recreateDatabase() {
        PostgresDatabase.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.use(properties, DATABASE);
    }

    @Test
    void anErasedLeaverLeavesNoClearCopyAndTheProofStillHolds() {
        erasureEndToEnd();
    }

    @Test
    void aClosedRequestPastItsRetentionIsShreddedOnceAndTheProofStillHolds() {
        retentionEndToEnd();
    }

    @Test
    void aStoreWrittenInClearIsSealedInPlaceAndTheProofCarriesOn() {
        reencryptionEndToEnd();
    }
}
