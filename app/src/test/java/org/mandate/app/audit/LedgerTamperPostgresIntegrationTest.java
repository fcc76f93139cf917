package org.mandate.app.audit;

import org.junit.jupiter.api.BeforeAll;
import org.mandate.app.PostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same tamper cases on PostgreSQL, on a database of its own (recreated each run). Its own Spring context with
 * the app's PostgreSQL profile, closed after this class so that its processors stop polling; the shared H2 context
 * of the other tests stays as it is.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerTamperPostgresIntegrationTest extends LedgerTamperCases {

    private static final String DATABASE = "mandate_ledger_tamper";

    /** Runs before the context starts, so an unreachable server skips the class instead of failing to boot it. */
    @BeforeAll
    static void recreateDatabase() {
        PostgresDatabase.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.use(properties, DATABASE);
    }
}
