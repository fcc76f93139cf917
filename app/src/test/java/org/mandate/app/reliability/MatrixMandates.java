package org.mandate.app.reliability;

import org.mandate.app.Api;
import org.mandate.app.reliability.AuthorizationMatrix.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two mandates the matrix's mandate-holder columns stand on ({@link Role}): the holder's for equipment to
 * {@link Role#MANDATE_HOLDER}, and for trips to {@link Role#MANDATE_OUT_OF_SCOPE}. Granted before each matrix test
 * and revoked after it, since the Spring context, and so the mandates, outlive the test.
 */
final class MatrixMandates {

    private final Function<String, Api> as;
    private final List<String> granted = new ArrayList<>();

    /** {@code as} calls the API as a person, with their password. */
    MatrixMandates(Function<String, Api> as) {
        this.as = as;
    }

    void grant() {
        granted.add(grant(Role.MANDATE_HOLDER, "equipment"));
        granted.add(grant(Role.MANDATE_OUT_OF_SCOPE, "trip"));
    }

    /** The id of the mandate for equipment, the one that covers the matrix's fresh requests. */
    String forEquipment() {
        return granted.get(0);
    }

    void revoke() {
        for (String id : granted) {
            Api.Response revoked = as.apply(Role.HOLDER.person).delete("/api/mandates/" + id);
            assertThat(revoked.status()).as("revoking %s: %s", id, revoked).isEqualTo(200);
        }
        granted.clear();
    }

    /** A mandate from the holder to that role's person, for one category up to the holder's whole authority. */
    private String grant(Role holderOf, String category) {
        Instant now = Instant.now();
        Api.Response response = as.apply(Role.HOLDER.person).post("/api/mandates", Map.of("to", holderOf.person,
                "categories", List.of(category), "maxAmount", 2000, "currency", "EUR",
                "validFrom", now.minus(Duration.ofMinutes(1)).toString(),
                "validUntil", now.plus(Duration.ofDays(1)).toString(), "reason", "Authorization matrix"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }
}
