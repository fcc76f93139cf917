package org.mandate.app.privacy;

import org.junit.jupiter.api.Test;

/**
 * Retention on H2: the whole scenario is {@link PrivacyIntegrationTest#retentionEndToEnd()}.
 */
class RetentionIntegrationTest extends PrivacyIntegrationTest {

    @Test
    void aClosedRequestPastItsRetentionIsShreddedOnceAndTheProofStillHolds() {
        retentionEndToEnd();
    }
}
