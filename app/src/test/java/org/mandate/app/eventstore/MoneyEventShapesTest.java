package org.mandate.app.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mandate.domain.Money;
import org.mandate.domain.committee.CommitteeAuthoritySet;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.Scope;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events that carry an amount keep the JSON shape they were stored with: {@link Money} is reached through
 * methods ({@code money()}, {@code limit()}, {@code limitFor(..)}) that Jackson neither writes nor expects.
 */
class MoneyEventShapesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    /** Axon's own, and one set up as the app's (spring.jackson in application.yaml). */
    private final List<JacksonSerializer> serializers = List.of(JacksonSerializer.defaultSerializer(),
            JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json()
                    .serializationInclusion(JsonInclude.Include.NON_NULL).build()).build());

    @Test
    void aSubmittedRequestKeepsItsAmountAndCurrencyFields() throws IOException {
        RequestSubmitted submitted = new RequestSubmitted(RequestId.create(), "Microscope", "equipment",
                new BigDecimal("1500.50"), "EUR", "For the lab", PersonId.of("ana"), "approval", NOW);

        for (JacksonSerializer serializer : serializers) {
            JsonNode stored = roundTrip(serializer, submitted);

            assertThat(fields(stored)).containsExactlyInAnyOrder("requestId", "title", "category", "amount",
                    "currency", "description", "requester", "processKey", "submittedAt");
            assertThat(stored.get("amount").decimalValue()).isEqualByComparingTo("1500.50");
        }
        assertThat(submitted.money()).isEqualTo(Money.of(new BigDecimal("1500.50"), "EUR"));
    }

    @Test
    void aGrantedMandatesScopeKeepsItsMaxAmountAndCurrencyFields() throws IOException {
        MandateGranted granted = new MandateGranted(MandateId.create(), PersonId.of("sofia"), PersonId.of("ana"),
                PersonId.of("sofia"), null, Scope.of(Set.of("equipment"), Money.of(new BigDecimal("2000"), "EUR")),
                NOW, NOW.plusSeconds(86_400), "Holiday", false, NOW);

        for (JacksonSerializer serializer : serializers) {
            JsonNode scope = roundTrip(serializer, granted).get("scope");

            assertThat(fields(scope)).containsExactlyInAnyOrder("categories", "maxAmount", "currency");
        }
        assertThat(granted.scope().limit()).isEqualTo(Money.of(new BigDecimal("2000"), "EUR"));
    }

    @Test
    void aCommitteesAuthorityKeepsItsAuthorityAndCurrencyFields() throws IOException {
        CommitteeAuthoritySet set = new CommitteeAuthoritySet(CommitteeId.of("finance"),
                new Authority(Map.of(Authority.ANY, new BigDecimal("100000"))), "EUR", PersonId.of("admin"), NOW);

        for (JacksonSerializer serializer : serializers) {
            JsonNode stored = roundTrip(serializer, set);

            assertThat(fields(stored)).containsExactlyInAnyOrder("committeeId", "authority", "currency", "setBy",
                    "setAt");
            assertThat(fields(stored.get("authority"))).containsExactly("limits");
        }
        assertThat(set.limitFor("travel")).isEqualTo(Money.of(new BigDecimal("100000"), "EUR"));
    }

    /** The stored JSON, after checking that it reads back as the same event. */
    private static JsonNode roundTrip(JacksonSerializer serializer, Object event) throws IOException {
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        return new ObjectMapper().readTree(stored.getData());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
