package org.mandate.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorityInForceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant JOINED = Instant.parse("2026-01-01T08:00:00Z");
    private static final Instant GRANTED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant REVOKED = Instant.parse("2026-03-20T08:00:00Z");

    private final AuthorityInForce history = new AuthorityInForce(List.of(
            fact(JOINED, "PersonJoined", "{\"personId\":{\"value\":\"sofia\"},\"authority\":{\"limits\":{\"*\":2000}}}"),
            fact(GRANTED, "MandateGranted", """
                    {"mandateId":{"value":"m-1"},"grantor":{"value":"sofia"},"holder":{"value":"liam"},
                     "principal":{"value":"sofia"},"scope":{"categories":["trip"],"maxAmount":500,"currency":"EUR"},
                     "validFrom":"2026-03-01T00:00:00Z","validUntil":"2026-03-15T00:00:00Z"}"""),
            fact(Instant.parse("2026-03-02T08:00:00Z"), "AuthoritySet",
                    "{\"personId\":{\"value\":\"sofia\"},\"authority\":{\"limits\":{\"*\":3000}}}"),
            fact(REVOKED, "MandateRevoked", "{\"mandateId\":{\"value\":\"m-1\"},\"revokedBy\":{\"value\":\"sofia\"}}")));

    @Test
    void showsTheAuthorityAsItWasThen() {
        assertThat(history.at(GRANTED, Set.of("sofia")).path("authority").path("sofia").path("*").asInt())
                .isEqualTo(2000);
        assertThat(history.at(Instant.parse("2026-03-03T00:00:00Z"), Set.of("sofia")).path("authority")
                .path("sofia").path("*").asInt()).isEqualTo(3000);
    }

    @Test
    void aMandateIsInForceOnlyBetweenItsGrantAndItsEnd() {
        JsonNode during = history.at(Instant.parse("2026-03-05T00:00:00Z"), Set.of("liam")).path("mandates");
        assertThat(during).hasSize(1);
        assertThat(during.get(0).path("to").asText()).isEqualTo("liam");
        assertThat(during.get(0).path("scope").path("maxAmount").asInt()).isEqualTo(500);

        assertThat(history.at(JOINED, Set.of("liam")).path("mandates")).as("before it was granted").isEmpty();
        assertThat(history.at(Instant.parse("2026-03-16T00:00:00Z"), Set.of("liam")).path("mandates"))
                .as("after validUntil").isEmpty();
        assertThat(history.at(REVOKED.plusSeconds(1), Set.of("liam")).path("mandates")).as("revoked").isEmpty();
    }

    @Test
    void onlyThePeopleInvolvedAreShown() {
        JsonNode other = history.at(Instant.parse("2026-03-05T00:00:00Z"), Set.of("ben"));
        assertThat(other.path("mandates")).isEmpty();
        assertThat(other.path("authority").size()).isZero();
    }

    private static AuthorityInForce.Fact fact(Instant at, String type, String payload) {
        try {
            return new AuthorityInForce.Fact(at, type, JSON.readTree(payload));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
