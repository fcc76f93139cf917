package org.mandate.app.privacy;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-encryption of a store written before sealing, on H2 ({@link PrivacyIntegrationTest#reencryptionEndToEnd()}), and
 * its refusals.
 */
class ReencryptionIntegrationTest extends PrivacyIntegrationTest {

    @Test
    void aStoreWrittenInClearIsSealedInPlaceAndTheProofCarriesOn() {
        reencryptionEndToEnd();
    }

    @Test
    void onlyAnAdministratorReencryptsAndOnlyWithAReason() {
        assertThat(as("ada").post("/api/admin/re-encryption", Map.of("reason", "audit")).status()).isEqualTo(403);
        Api.Response blank = as("ivy").post("/api/admin/re-encryption", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.detail()).contains("reason");
    }
}
