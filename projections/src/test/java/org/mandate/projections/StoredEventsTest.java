package org.mandate.projections;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.projections.StoredEvents.Sighting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventsTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void store() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:stored-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table domain_event_entry (global_index bigint primary key, "
                + "event_identifier varchar(255) not null unique)");
        for (long index = 1; index <= 200; index++) {
            jdbc.update("insert into domain_event_entry values (?, ?)", index, "e" + index);
        }
    }

    @Test
    void eachEventGetsItsOwnIndexWhereverItsPositionPoints() {
        Sighting inOrder = new Sighting("e100", 100L);
        Sighting next = new Sighting("e101", 101L);
        // committed after 102: it arrives with 102's position, which must not become its key
        Sighting lateNeighbour = new Sighting("e99", 102L);
        Sighting neighbour = new Sighting("e102", 102L);
        // committed long after the events around it were read: far below the batch's positions
        Sighting lateAndFar = new Sighting("e3", 102L);
        Sighting withoutToken = new Sighting("e150", null);

        Map<Object, Object> indexes = StoredEvents.globalIndexes(jdbc,
                List.of(inOrder, next, lateNeighbour, neighbour, lateAndFar, withoutToken));

        assertThat(indexes).containsExactlyInAnyOrderEntriesOf(Map.of(inOrder, 100L, next, 101L, lateNeighbour, 99L,
                neighbour, 102L, lateAndFar, 3L, withoutToken, 150L));
    }

    @Test
    void positionsTooFarApartAreLookedUpOneByOne() {
        Sighting low = new Sighting("e1", 1L);
        Sighting high = new Sighting("e200", 1_000_000L);

        assertThat(StoredEvents.globalIndexes(jdbc, List.of(low, high)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(low, 1L, high, 200L));
    }

    @Test
    void anEventNotInTheStoreGetsNoIndex() {
        Sighting unknown = new Sighting("nowhere", 50L);
        Sighting known = new Sighting("e50", 50L);

        assertThat(StoredEvents.globalIndexes(jdbc, List.of(unknown, known)).keySet()).isEqualTo(Set.of(known));
    }

    @Test
    void aSightingTakesTheTokensPositionAlsoDuringAReplay() {
        GapAwareTrackingToken at = GapAwareTrackingToken.newInstance(41, Set.of());
        GenericEventMessage<String> payload = new GenericEventMessage<>("x");

        assertThat(Sighting.of(new GenericTrackedEventMessage<>(at, payload)).position()).isEqualTo(41L);
        assertThat(Sighting.of(new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(90, Set.of()), at), payload)).position()).isEqualTo(41L);
        assertThat(Sighting.of(payload)).isEqualTo(new Sighting(payload.getIdentifier(), null));
    }
}
