package org.mandate.app.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Authority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff search past decisions within their own area; auditors search all. The demo school is shared by every
 * test, so this one hires two heads of department under vera, a teacher under each, and a third head who will
 * take over from the first when they leave.
 */
class PastDecisionsIntegrationTest extends MandateIntegrationTest {

    private String word;
    private String science;
    private String arts;
    private String scienceTeacher;
    private String artsTeacher;
    private String newcomer;

    @BeforeEach
    void hire() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        word = "orrery" + suffix;
        science = "science-" + suffix;
        arts = "arts-" + suffix;
        scienceTeacher = "physics-" + suffix;
        artsTeacher = "drama-" + suffix;
        newcomer = "newcomer-" + suffix;
        join(science, "vera", Authority.upTo(2_000));
        join(arts, "vera", Authority.upTo(2_000));
        join(newcomer, "vera", Authority.upTo(2_000));
        join(scienceTeacher, science, Authority.none());
        join(artsTeacher, arts, Authority.none());
    }

    @Test
    void staffFindTheDecisionsOfTheirOwnBranchAndNotOthers() {
        String telescope = decided(scienceTeacher, science, "Telescope", "Pupils asked for it all year");
        String costumes = decided(artsTeacher, arts, "Costumes", "Reused from last year's play");
        await().atMost(Duration.ofSeconds(30)).until(() -> found("ada").size() == 2);

        assertThat(found(science)).as("the head who decided it").containsExactly(telescope);
        assertThat(found(arts)).as("the other head, beside them").containsExactly(costumes);
        assertThat(found("vera")).as("both heads report to vera").containsExactlyInAnyOrder(telescope, costumes);
        assertThat(found(scienceTeacher)).as("decided nothing, and nobody reports to them").isEmpty();
        assertThat(found("ben")).as("another branch entirely").isEmpty();
        assertThat(found(newcomer)).as("not their predecessor yet").isEmpty();
        JsonNode seen = as(science).get("/api/audit/decisions?q=" + word).json().get(0);
        assertThat(seen.path("decidedBy").asText()).isEqualTo(science);
        assertThat(seen.path("rationale").asText()).isEqualTo("Pupils asked for it all year");
    }

    @Test
    void aSuccessorFindsTheirPredecessorsDecisions() {
        String telescope = decided(scienceTeacher, science, "Telescope", "Pupils asked for it all year");
        String costumes = decided(artsTeacher, arts, "Costumes", "Reused from last year's play");
        await().atMost(Duration.ofSeconds(30)).until(() -> found("ada").size() == 2);
        assertThat(found(newcomer)).isEmpty();

        assertThat(as("ivy").post("/api/people/" + science + "/departure", Map.of("successor", newcomer)).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !found(newcomer).isEmpty());
        assertThat(found(newcomer)).containsExactly(telescope).doesNotContain(costumes);
        assertThat(found(arts)).as("a colleague of the leaver gains nothing").containsExactly(costumes);
    }

    @Test
    void aDecisionUnderAMandateIsFoundByTheHolderAndByWhoDecided() {
        Api.Response granted = as(science).post("/api/mandates", Map.of("to", newcomer, "categories", List.of("*"),
                "maxAmount", 1000, "currency", "EUR",
                "validFrom", Instant.now().minus(Duration.ofMinutes(1)).toString(),
                "validUntil", Instant.now().plus(Duration.ofDays(3)).toString()));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        String microscope = decided(scienceTeacher, newcomer, "Microscope", "Covered while the head is away");
        await().atMost(Duration.ofSeconds(30)).until(() -> found("ada").size() == 1);

        assertThat(found(science)).as("decided on their behalf").containsExactly(microscope);
        assertThat(found(newcomer)).as("decided it").containsExactly(microscope);
        assertThat(found(arts)).isEmpty();
        JsonNode seen = as(science).get("/api/audit/decisions?q=" + word).json().get(0);
        assertThat(seen.path("decidedBy").asText()).isEqualTo(newcomer);
        assertThat(seen.path("onBehalfOf").asText()).isEqualTo(science);
    }

    /** {@code requester} asks, {@code decider} decides with {@code rationale}; answers the request's id. */
    private String decided(String requester, String decider, String title, String rationale) {
        String id = as(requester).submit(title + " " + word, "equipment", 600);
        String step = openStep(as(requester), id);
        assertThat(as(decider).post("/api/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", rationale)).status()).isEqualTo(200);
        return id;
    }

    private List<String> found(String viewer) {
        return as(viewer).get("/api/audit/decisions?q=" + word).json().findValuesAsText("requestId");
    }

    private void join(String id, String manager, Authority authority) {
        join(id, id, manager, Set.of(), authority);
    }
}
