package org.mandate.app.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Role;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions hold what was true at login; the directory says what is true now. A departure ends the leaver's open
 * page session and their HTTP Basic credential on the next request, and a role change reaches an open session on
 * its next request, whichever node recorded it (the check reads the shared database, not the node's memory).
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionEndsIntegrationTest extends MandateIntegrationTest {

    private String head;
    private String teacher;

    @BeforeEach
    void hire() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        head = "head-" + suffix;
        teacher = "teacher-" + suffix;
        join(head, "vera", Set.of(), Authority.upTo(2_000));
        join(teacher, head, Set.of(), Authority.none());
    }

    @Test
    void aDepartureEndsTheLeaversOpenPageSessionAndTheirBasicCredentialAtOnce(CapturedOutput log) {
        String requestId = as(teacher).submit("Microscope slides", "supplies", 120);
        String stepId = openStep(as(teacher), requestId);
        PageSession page = PageSession.loggedIn(port, head);
        PageSession inboxOpenElsewhere = PageSession.loggedIn(port, head);
        assertThat(inboxOpenElsewhere.htmx("/inbox/items").statusCode()).isEqualTo(200);
        String csrf = page.csrfFrom("/requests/" + requestId);
        assertThat(page.get("/").statusCode()).as("the session works before the departure").isEqualTo(200);
        assertThat(as(head).get("/api/inbox").status()).as("so does HTTP Basic").isEqualTo(200);
        assertThat(page.get("/api/inbox").statusCode()).as("the API never honours a page session").isEqualTo(401);

        assertThat(as("ivy").post("/api/people/" + head + "/departure", Map.of("successor", "liam")).status())
                .isEqualTo(200);
        long events = eventCount();

        HttpResponse<String> decide = page.postForm("/requests/" + requestId + "/steps/" + stepId + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "still here?", "_csrf", csrf));
        assertThat(decide.statusCode()).isEqualTo(302);
        assertThat(decide.headers().firstValue("Location")).as("the session ends there").hasValue("/login");
        // the browser now holds a fresh, anonymous session: a form with the old token goes nowhere either
        refused(page.postForm("/requests/" + requestId + "/steps/" + stepId + "/delegation",
                Map.of("to", "sofia", "note", "over to you", "_csrf", csrf)));
        refused(page.postForm("/requests", Map.of("title", "One more", "category", "supplies", "amount", "10",
                "description", "x", "_csrf", csrf)));
        refused(page.get("/"));
        HttpResponse<String> refresh = inboxOpenElsewhere.htmx("/inbox/items");
        assertThat(refresh.statusCode()).as("the inbox refreshing itself in another tab").isEqualTo(401);
        assertThat(refresh.headers().firstValue("HX-Redirect")).hasValue("/login");

        Api.Response basicRead = as(head).get("/api/inbox");
        Api.Response basicDecide = as(head).post("/api/requests/" + requestId + "/steps/" + stepId + "/decision",
                Map.of("outcome", "APPROVED"));
        assertThat(basicRead.status()).isEqualTo(401);
        assertThat(basicRead.contentType()).contains("application/problem+json");
        assertThat(basicDecide.status()).isEqualTo(401);

        assertThat(eventCount()).as("nothing the leaver tried was recorded").isEqualTo(events);
        assertThat(as("liam").get("/api/inbox").json().findValuesAsText("stepId")).contains(stepId);
        assertThat(log.getOut()).contains("Ended the session of '" + head + "'",
                "POST /requests/" + requestId + "/steps/" + stepId + "/decision",
                "Refused a login as '" + head + "'", "they have left");
    }

    @Test
    void onlyAnAdministratorSetsRolesAndOnlyKnownOnes() {
        long events = eventCount();
        assertThat(as("vera").put("/api/people/" + teacher + "/roles", Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(403);
        Api.Response unknown = as("ivy").put("/api/people/" + teacher + "/roles", Map.of("roles", List.of("BOSS")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).contains("'BOSS' is not a role", "AUDITOR");
        assertThat(as("ivy").put("/api/people/nobody-" + teacher + "/roles", Map.of("roles", List.of())).status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aShrunkenRoleIsGoneFromAnOpenSessionOnItsNextRequest() {
        String auditor = "auditor-" + head;
        join(auditor, null, Set.of(Role.AUDITOR, Role.ADMIN), Authority.none());
        PageSession page = PageSession.loggedIn(port, auditor);
        assertThat(page.get("/audit").statusCode()).isEqualTo(200);
        assertThat(new Api(port, auditor, "demo").post("/api/admin/projections/no-such-view/rebuild", Map.of())
                .status()).as("an administrator reaches the rule behind the role check").isEqualTo(404);

        Api.Response shrunk = as("ivy").put("/api/people/" + auditor + "/roles", Map.of("roles", List.of()));
        assertThat(shrunk.status()).as(shrunk.toString()).isEqualTo(200);

        assertThat(page.get("/audit").statusCode()).as("the open session lost AUDITOR").isEqualTo(403);
        assertThat(page.get("/").statusCode()).as("and is still staff").isEqualTo(200);
        Api.Response rebuild = new Api(port, auditor, "demo").post("/api/admin/projections/no-such-view/rebuild",
                Map.of());
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(403);

        assertThat(as("ivy").put("/api/people/" + auditor + "/roles", Map.of("roles", List.of("auditor")))
                .json().path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        assertThat(page.get("/audit").statusCode()).as("a granted role arrives the same way").isEqualTo(200);
    }

    /** Sent to the login page, or refused outright (a form carrying the ended session's CSRF token). */
    private static void refused(HttpResponse<String> response) {
        boolean toLogin = response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/login");
        assertThat(toLogin || response.statusCode() == 403).as(response.statusCode() + " " + response.headers())
                .isTrue();
    }

    private void join(String id, String manager, Set<Role> roles, Authority authority) {
        join(id, id, manager, roles, authority);
    }
}
