package org.mandate.app.admin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.mandate.domain.directory.Authority;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's console does through pages what the API does: find people, change roles and managers, and
 * record a departure only after a preview that says what will move where; nothing changes until it is confirmed.
 */
class AdminConsoleIntegrationTest extends MandateIntegrationTest {

    private String head;
    private String teacher;

    @BeforeEach
    void hire() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        head = "head-" + suffix;
        teacher = "teacher-" + suffix;
        join(head, "Hedda " + suffix, "vera", Authority.upTo(2_000));
        join(teacher, "Theo " + suffix, head, Authority.none());
    }

    @Test
    void onlyAnAdministratorSeesTheConsole() {
        HttpResponse<String> refused = PageSession.loggedIn(port, "ana").get("/admin");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertThat(PageSession.loggedIn(port, "ana").get("/").body()).doesNotContain("id=\"nav-admin\"");
        assertThat(PageSession.loggedIn(port, "ivy").get("/").body()).contains("id=\"nav-admin\"");
    }

    @Test
    void peopleAreFoundByPartOfTheirNameOrUserName() {
        PageSession ivy = PageSession.loggedIn(port, "ivy");
        String found = ivy.get("/admin?q=" + head.substring(5)).body();
        assertThat(found).contains("Hedda", "Theo", "Vera Lind").doesNotContain(">Ana Costa</a>");
        assertThat(ivy.get("/admin?q=nobody-like-this").body()).contains("Nobody matches");
    }

    @Test
    void rolesAndManagerAreChangedFromThePersonsPage() {
        PageSession ivy = PageSession.loggedIn(port, "ivy");
        String page = "/admin/people/" + teacher;
        HttpResponse<String> loop = ivy.postForm("/admin/people/" + head + "/manager", Map.of("manager", teacher,
                "_csrf", ivy.csrfFrom(page)));
        assertThat(loop.statusCode()).as("a manager who reports to them would close a loop").isIn(400, 409);
        assertThat(loop.body()).contains("id=\"manager-error\"");

        HttpResponse<String> roles = ivy.postForm(page + "/roles", Map.of("role", "AUDITOR",
                "_csrf", ivy.csrfFrom(page)));
        assertThat(roles.statusCode()).isEqualTo(302);
        HttpResponse<String> manager = ivy.postForm(page + "/manager", Map.of("manager", "sofia",
                "_csrf", ivy.csrfFrom(page)));
        assertThat(manager.statusCode()).isEqualTo(302);
        String shown = ivy.get(page).body();
        assertThat(shown).contains("Sofia Reyes").containsPattern("value=\"AUDITOR\"\\s+checked");

    }

    @Test
    void aDepartureIsPreviewedFirstAndRecordedOnlyWhenConfirmed() {
        String requestId = as(teacher).submit("Microscope slides", "supplies", 120);
        assertThat(openStep(as(head), requestId)).isNotBlank();
        PageSession ivy = PageSession.loggedIn(port, "ivy");
        long events = eventCount();

        HttpResponse<String> preview = ivy.get("/admin/people/" + head + "/departure?successor=");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Vera Lind</strong> takes over", "Microscope slides",
                "will report to Vera Lind", "Record the departure");
        assertThat(eventCount()).as("a preview records nothing").isEqualTo(events);

        HttpResponse<String> confirmed = ivy.postForm("/admin/people/" + head + "/departure", Map.of("successor", "",
                "_csrf", ivy.csrfFrom("/admin/people/" + head)));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(ivy.get("/admin/people/" + head).body()).contains("has left");
        assertThat(openStep(as("vera"), requestId)).as("the step moved to the successor").isNotBlank();
    }

    @Test
    void aDepartureThatWouldStrandAStepSaysWhichAndOffersNoConfirmation() {
        // a small tree of its own, so that nobody above the successor may take the step
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String boss = "boss-" + suffix;
        String deputy = "deputy-" + suffix;
        join(boss, "Bo " + suffix, null, Authority.upTo(5_000));
        join(deputy, "Dee " + suffix, boss, Authority.upTo(100));
        String requestId = as(deputy).submit("New lab bench", "equipment", 1500);
        assertThat(openStep(as(boss), requestId)).isNotBlank();
        long events = eventCount();

        PageSession ivy = PageSession.loggedIn(port, "ivy");
        String page = ivy.get("/admin/people/" + boss + "/departure?successor=" + deputy).body();
        assertThat(page).contains("New lab bench", "nobody: " + deputy + " made this request", "id=\"not-possible\"")
                .doesNotContain("id=\"confirm-departure\"");
        HttpResponse<String> forced = ivy.postForm("/admin/people/" + boss + "/departure", Map.of("successor", deputy,
                "_csrf", ivy.csrfFrom("/admin/people/" + boss)));
        assertThat(forced.statusCode()).as("posted anyway: refused").isEqualTo(409);
        assertThat(forced.body()).contains("would leave 1 open step");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aPersonJoinsFromTheConsoleAndGetsTheirLimitsThere() {
        PageSession ivy = PageSession.loggedIn(port, "ivy");
        String id = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        long events = eventCount();
        HttpResponse<String> taken = ivy.postForm("/admin/people", Map.of("userName", "ana", "name", "Another Ana",
                "manager", "sofia", "password", "long enough password", "_csrf", ivy.csrfFrom("/admin")));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("already someone with the user name &#39;ana&#39;");
        PageSession deIvy = PageSession.loggedIn(port, "ivy").speaking("de");
        HttpResponse<String> shortPassword = deIvy.postForm("/admin/people", Map.of("userName", id, "name",
                "Sam Lee", "manager", "sofia", "password", "short", "_csrf", deIvy.csrfFrom("/admin")));
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("Das erste Passwort braucht mindestens");
        assertThat(eventCount()).isEqualTo(events);

        HttpResponse<String> joined = ivy.postForm("/admin/people", Map.of("userName", id, "name", "Sam Lee",
                "title", "Teacher", "manager", "sofia", "password", "long enough password",
                "_csrf", ivy.csrfFrom("/admin")));
        assertThat(joined.statusCode()).isEqualTo(302);
        assertThat(PageSession.loggedIn(port, id, "long enough password").get("/").statusCode()).as("the first password works").isEqualTo(200);

        String page = "/admin/people/" + id;
        HttpResponse<String> halfRow = ivy.postForm(page + "/authority", Map.of("category", "equipment", "limit", "",
                "_csrf", ivy.csrfFrom(page)));
        assertThat(halfRow.statusCode()).isEqualTo(400);
        assertThat(halfRow.body()).contains("Row 1 needs both a category");
        HttpResponse<String> saved = ivy.postForm(page + "/authority", Map.of("category", "Equipment",
                "limit", "1,500", "_csrf", ivy.csrfFrom(page)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(ivy.get(page).body()).contains("equipment up to 1,500.00");
    }

    private void join(String id, String name, String manager, Authority authority) {
        join(id, name, manager, Set.of(), authority);
    }

    @Test
    void projectionsShowHowTheyRunAndAnInlineOneIsRebuiltFromTheConsole() {
        String id = as("ana").submit("Console rebuild globe", "supplies", 120);
        PageSession ivy = PageSession.loggedIn(port, "ivy");
        String page = ivy.get("/admin/projections").body();
        assertThat(page).contains("id=\"projection-inbox\"", "id=\"rebuild-inbox\"", "inline", "background")
                .contains("The ledger is evidence, not a view");
        assertThat(page).doesNotContain("id=\"rebuild-ledger\"");
        assertThat(PageSession.loggedIn(port, "ivy").speaking("de").get("/admin/projections").body())
                .contains("Das Hauptbuch ist ein Beweis, keine Sicht");
        Api.Response notTheLedger = as("ivy").speaking("de").post("/api/admin/projections/ledger/rebuild", Map.of());
        assertThat(notTheLedger.status()).isEqualTo(409);
        assertThat(notTheLedger.detail()).startsWith("Das Hauptbuch ist ein Beweis");
        assertThat(as("ivy").post("/api/admin/projections/nothing-here/rebuild", Map.of()).detail())
                .startsWith("There is no projection 'nothing-here'. Rebuildable projections: [");

        HttpResponse<String> started = ivy.postForm("/admin/projections/request-view/rebuild",
                Map.of("_csrf", ivy.csrfFrom("/admin/projections")));
        assertThat(started.statusCode()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ivy.get("/admin/projections").body()).contains("rebuilt ")
                        .doesNotContain("rebuilding:"));
        assertThat(as("ana").get("/api/requests/" + id).json().path("title").asText())
                .as("the request view, rebuilt, still has the request").isEqualTo("Console rebuild globe");

        HttpResponse<String> ledger = ivy.postForm("/admin/projections/ledger/rebuild",
                Map.of("_csrf", ivy.csrfFrom("/admin/projections")));
        assertThat(ledger.statusCode()).isEqualTo(409);
        assertThat(ledger.body()).contains("The ledger is evidence");
    }
}
