package org.mandate.app.committee;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.people.Departures;
import org.mandate.domain.directory.Authority;
import org.mandate.projections.committee.CommitteeView;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.app.Refusal.refused;

/**
 * Committees through HTTP: formed, staffed, given authority and dissolved by an administrator, read by an auditor,
 * every refusal a problem+json with no event left behind, and a leaver taken off every committee they sat on. The
 * demo school is shared by every test, so each test forms its own committee and hires its own members.
 */
class CommitteeIntegrationTest extends MandateIntegrationTest {

    @Autowired
    Departures departures;

    private String suffix;
    private String first;
    private String second;

    @BeforeEach
    void hire() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        first = "member-a-" + suffix;
        second = "member-b-" + suffix;
        join(first);
        join(second);
    }

    @Test
    void anAdministratorFormsACommitteeSeatsMembersGivesItAuthorityAndDissolvesIt() {
        Api ivy = as("ivy");
        Api.Response formed = ivy.post("/api/committees", Map.of("name", "Safety board " + suffix));
        assertThat(formed.status()).as(formed.toString()).isEqualTo(201);
        String id = formed.json().path("id").asText();
        assertThat(id).isEqualTo("safety-board-" + suffix);

        assertThat(ivy.post("/api/committees/" + id + "/members", Map.of("personId", first)).status()).isEqualTo(200);
        JsonNode staffed = ivy.post("/api/committees/" + id + "/members", Map.of("personId", second)).json();
        assertThat(staffed.path("members").findValuesAsText("personId")).containsExactly(first, second);

        category("it");
        Api.Response authority = ivy.put("/api/committees/" + id + "/authority",
                Map.of("limits", Map.of("*", 100000, "IT", 20000), "currency", "EUR"));
        assertThat(authority.status()).as(authority.toString()).isEqualTo(200);
        assertThat(authority.json().path("authority").path("*").decimalValue()).isEqualByComparingTo("100000");
        assertThat(authority.json().path("authority").path("it").decimalValue()).isEqualByComparingTo("20000");
        assertThat(authority.json().path("currency").asText()).isEqualTo("EUR");

        JsonNode read = as("ada").get("/api/committees/" + id).json();
        assertThat(read.path("name").asText()).isEqualTo("Safety board " + suffix);
        assertThat(as("ada").get("/api/committees").json().findValuesAsText("id")).contains(id, "budget-committee");

        JsonNode removed = ivy.delete("/api/committees/" + id + "/members/" + first).json();
        assertThat(removed.path("members").findValuesAsText("personId")).containsExactly(second);

        Api.Response dissolved = ivy.post("/api/committees/" + id + "/dissolution", Map.of());
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
        assertThat(dissolved.json().path("dissolvedAt").isNull()).isFalse();
        assertThat(dissolved.json().path("members").size()).isZero();
        // the name is free again once the committee is dissolved
        assertThat(ivy.post("/api/committees", Map.of("id", id + "-2", "name", "Safety board " + suffix))
                .status()).isEqualTo(201);
    }

    @Test
    void everyRefusalSaysWhatToDoAndChangesNothing() {
        Api ivy = as("ivy");
        String id = ivy.post("/api/committees", Map.of("name", "Hiring panel " + suffix)).json().path("id").asText();

        assertThat(refused(this::eventCount, () -> ivy.post("/api/committees",
                Map.of("name", "HIRING PANEL " + suffix)), 409).detail()).contains("'" + id + "' is already called");
        refused(this::eventCount, () -> ivy.post("/api/committees", Map.of("name", " ")), 400);
        assertThat(refused(this::eventCount, () -> ivy.put("/api/committees/" + id + "/authority",
                Map.of("limits", Map.of("*", 5000), "currency", "EUR")), 409).detail())
                .contains("add at least one member");
        assertThat(refused(this::eventCount, () -> ivy.post("/api/committees/" + id + "/members",
                Map.of("personId", "nobody-" + suffix)), 400).detail()).contains("add them to the directory first");
        ivy.post("/api/committees/" + id + "/members", Map.of("personId", first));
        assertThat(refused(this::eventCount, () -> ivy.post("/api/committees/" + id + "/members",
                Map.of("personId", first)), 409).detail()).contains("already sits on");
        assertThat(refused(this::eventCount, () -> ivy.delete("/api/committees/" + id + "/members/" + second),
                409).detail()).contains("does not sit on");
        assertThat(refused(this::eventCount, () -> ivy.put("/api/committees/" + id + "/authority",
                Map.of("limits", Map.of("*", -1), "currency", "EUR")), 400).detail()).isNotBlank();
        assertThat(refused(this::eventCount, () -> ivy.put("/api/committees/" + id + "/authority",
                Map.of("limits", Map.of("*", 10), "currency", "E1R")), 400).detail()).contains("ISO code");
        assertThat(refused(this::eventCount, () -> ivy.get("/api/committees/no-such-" + suffix), 404).detail())
                .contains("GET /api/committees");
        assertThat(refused(this::eventCount, () -> as("ada").post("/api/committees",
                Map.of("name", "Auditors' own " + suffix)), 403).detail()).isNotBlank();
        refused(this::eventCount, () -> as("ben").get("/api/committees"), 403);

        as("ivy").post("/api/people/" + second + "/departure", Map.of("successor", "vera"));
        assertThat(refused(this::eventCount, () -> ivy.post("/api/committees/" + id + "/members",
                Map.of("personId", second)), 400).detail()).contains("has left");
    }

    @Test
    void aLeaverLeavesEveryCommitteeTheySatOnAndThePreviewSaysSo() {
        Api ivy = as("ivy");
        List<String> ids = List.of("Works council " + suffix, "Trip board " + suffix).stream()
                .map(name -> ivy.post("/api/committees", Map.of("name", name)).json().path("id").asText()).toList();
        for (String id : ids) {
            ivy.post("/api/committees/" + id + "/members", Map.of("personId", first));
            ivy.post("/api/committees/" + id + "/members", Map.of("personId", second));
        }

        assertThat(departures.preview(first, "vera").committeesLeft()).extracting(CommitteeView::id)
                .containsExactlyInAnyOrderElementsOf(ids);

        long before = eventCount();
        assertThat(ivy.post("/api/people/" + first + "/departure", Map.of("successor", "vera")).status())
                .isEqualTo(200);
        for (String id : ids) {
            assertThat(ivy.get("/api/committees/" + id).json().path("members").findValuesAsText("personId"))
                    .containsExactly(second);
        }
        Long removals = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and "
                + "payload_type like '%CommitteeMemberRemoved'", Long.class, before);
        assertThat(removals).as("one removal per committee").isEqualTo(2L);
    }

    private void join(String id) {
        join(id, id, "vera", Set.of(), Authority.none());
    }
}
