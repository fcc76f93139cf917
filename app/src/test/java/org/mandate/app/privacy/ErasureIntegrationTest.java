package org.mandate.app.privacy;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on H2: the whole scenario ({@link PrivacyIntegrationTest#erasureEndToEnd()}), and the refusals before it.
 */
class ErasureIntegrationTest extends PrivacyIntegrationTest {

    @Test
    void anErasedLeaverLeavesNoClearCopyAndTheProofStillHolds() {
        erasureEndToEnd();
    }

    @Test
    void onlySomeoneWhoLeftCanBeErasedAndOnlyWhenAsked() {
        long before = eventCount();
        Api.Response stillHere = as("ivy").post("/api/people/ben/erasure", Map.of("reason", "test"));
        assertThat(stillHere.status()).isEqualTo(409);
        assertThat(stillHere.detail()).contains("record their departure first");
        Api.Response noReason = as("ivy").post("/api/people/ben/erasure", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response notAsked = as("max").post("/api/people/ben/erasure/approval", Map.of());
        assertThat(notAsked.status()).isEqualTo(409);
        assertThat(notAsked.detail()).contains("Nobody asked");
        Api.Response nobody = as("ivy").post("/api/people/nobody-here/erasure", Map.of("reason", "test"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(as("ben").post("/api/people/ben/erasure", Map.of("reason", "test")).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }
}
