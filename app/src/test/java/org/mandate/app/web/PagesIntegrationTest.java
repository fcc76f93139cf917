package org.mandate.app.web;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pages' guarantees that a browser test would only see indirectly: CSRF, escaping, who may see what. */
class PagesIntegrationTest extends MandateIntegrationTest {

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        PageSession ana = PageSession.loggedIn(port, "ana");
        long events = eventCount();

        HttpResponse<String> forged = ana.postForm("/requests", Map.of("title", "Forged", "category", "trip",
                "amount", "100"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aMandatePassedOnShowsAsNoLongerInForceOnceTheOneItCameFromIsRevoked() {
        java.time.Instant from = java.time.Instant.now().minus(Duration.ofMinutes(1));
        Map<String, Object> grant = new java.util.HashMap<>(Map.of("to", "omar", "categories", java.util.List.of("*"),
                "maxAmount", 1000, "currency", "EUR", "mayRedelegate", true, "validFrom", from.toString(),
                "validUntil", from.plus(Duration.ofDays(2)).toString()));
        String parent = as("vera").post("/api/mandates", grant).json().path("id").asText();
        grant.putAll(Map.of("to", "fay", "mayRedelegate", false, "passedOn", parent));
        String child = as("omar").post("/api/mandates", grant).json().path("id").asText();
        PageSession omar = PageSession.loggedIn(port, "omar");
        assertThat(omar.get("/mandates").body()).contains("revoke-" + child);

        assertThat(as("vera").delete("/api/mandates/" + parent + "?reason=Back%20early").status()).isEqualTo(200);

        String page = omar.get("/mandates").body();
        assertThat(page).contains("no longer in force: the mandate it was passed on from (granted by Vera Lind) "
                + "was revoked: Back early").doesNotContain("revoke-" + child);
        assertThat(PageSession.loggedIn(port, "omar").speaking("de").get("/mandates").body())
                .contains("nicht mehr in Kraft: das Mandat, aus dem es weitergegeben wurde (erteilt von Vera Lind), "
                        + "wurde widerrufen: Back early");
        for (var mandate : as("fay").get("/api/mandates").json()) {
            if (mandate.path("id").asText().equals(child)) {
                assertThat(mandate.path("status").asText()).isEqualTo("ENDED");
                // the API keeps its English sentence with the link's id, and no second field for the page's words
                assertThat(mandate.path("endedBecause").asText()).isEqualTo("no longer in force: the mandate it was "
                        + "passed on from (" + parent + ", from vera) was revoked: Back early");
                assertThat(mandate.has("ending")).isFalse();
            }
        }
    }

    @Test
    void aTitleWithAControlCharacterIsShownBackNextToTheTitleAndNothingIsSent() {
        PageSession ana = PageSession.loggedIn(port, "ana");
        long events = eventCount();

        HttpResponse<String> refused = ana.postForm("/requests", Map.of("title", "Globes\nfor room 4",
                "category", "supplies", "amount", "120", "_csrf", ana.csrfFrom("/requests/new")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The field &#39;title&#39; contains a tab or line break");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aFormPostedWithItsTokenIsSentAndConfirmed() {
        PageSession ana = PageSession.loggedIn(port, "ana");
        long events = eventCount();

        HttpResponse<String> sent = ana.postForm("/requests", Map.of("title", "Globes", "category", "supplies",
                "amount", "1,200.50", "_csrf", ana.csrfFrom("/requests/new")));

        assertThat(sent.statusCode()).isEqualTo(302);
        String page = sent.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches(".*/requests/[0-9a-f-]{36}$");
        assertThat(eventCount()).isGreaterThan(events);
        String shown = ana.get(page.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(shown).contains("Globes", "1,200.50 EUR", "is sent", "Sofia Reyes will decide on it");
    }

    @Test
    void userTextIsEscapedOnEveryPageThatShowsIt() {
        String id = as("ana").submit("<script>alert('x')</script>", "supplies", 50);

        String request = PageSession.loggedIn(port, "ana").get("/requests/" + id).body();
        String inbox = PageSession.loggedIn(port, "sofia").get("/").body();

        assertThat(request).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(inbox).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }

    @Test
    void someoneOutsideARequestGetsAPageSayingSoNotTheRequest() {
        String id = as("ana").submit("Private matter", "supplies", 80);

        HttpResponse<String> response = PageSession.loggedIn(port, "ben").get("/requests/" + id);
        HttpResponse<String> diagram = PageSession.loggedIn(port, "ben").get("/requests/" + id + "/path.bpmn");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("You are not part of this request").doesNotContain("Private matter");
        assertThat(diagram.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownRequestIsAPlainNotFoundPage() {
        PageSession ana = PageSession.loggedIn(port, "ana");

        assertThat(ana.get("/requests/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = ana.get("/requests/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).contains("is not a valid address for a page");
    }

    @Test
    void theDiagramIsTheBpmnOfThePathVersionTheRequestRunsOn() {
        String id = as("ana").submit("Beakers", "supplies", 40);

        HttpResponse<String> diagram = PageSession.loggedIn(port, "sofia").get("/requests/" + id + "/path.bpmn");
        String page = PageSession.loggedIn(port, "sofia").get("/requests/" + id).body();

        assertThat(diagram.statusCode()).isEqualTo(200);
        assertThat(diagram.body()).contains("<bpmn:process id=\"approval\"", "managerApproval");
        assertThat(page).contains("data-active=\"managerApproval\"");
    }

    @Test
    void pollingTheInboxReportsWhatArrivedAndWhatLeft() {
        PageSession sofia = PageSession.loggedIn(port, "sofia");
        String id = as("ana").submit("Pipettes", "supplies", 30);
        String step = openStep(as("ana"), id);

        String arrived = sofia.get("/inbox/items").body();
        assertThat(arrived).contains("Pipettes", "New in your inbox: ‘Pipettes’ from Ana Costa");

        as("sofia").post("/api/requests/" + id + "/steps/" + step + "/decision", Map.of("outcome", "APPROVED"));
        String left = sofia.get("/inbox/items?shown=" + id + ":" + step).body();
        assertThat(left).doesNotContain(">Pipettes<").doesNotContain("New in your inbox: ‘Pipettes’");
        assertThat(left).contains("You approved ‘Pipettes’; it left your inbox.");
    }

    @Test
    void pastDecisionsAreInEveryonesMenuAndShowStaffOnlyTheirOwnArea() {
        String word = "kiln" + UUID.randomUUID().toString().substring(0, 8);
        String science = as("ana").submit("Science " + word, "trip", 300);
        as("sofia").post("/api/requests/" + science + "/steps/" + openStep(as("ana"), science) + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "Fits the syllabus"));
        String arts = as("ben").submit("Arts " + word, "trip", 300);
        as("liam").post("/api/requests/" + arts + "/steps/" + openStep(as("ben"), arts) + "/decision",
                Map.of("outcome", "REJECTED", "rationale", "Too late in the term"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("ada").get("/api/audit/decisions?q=" + word).json().size() == 2);

        String sofias = PageSession.loggedIn(port, "sofia").get("/audit/decisions?q=" + word).body();
        String adas = PageSession.loggedIn(port, "ada").get("/audit/decisions?q=" + word).body();

        assertThat(sofias).contains("id=\"nav-decisions\"", "Science " + word, "Fits the syllabus")
                .doesNotContain("Arts " + word, "/audit/ledger", "/audit/requests/");
        assertThat(adas).contains("Science " + word, "Arts " + word, "/audit/ledger", "/audit/requests/" + arts);
    }

    @Test
    void aMalformedAuditFilterShowsTheFormAgainWithTheMessageNextToTheField() {
        HttpResponse<String> page = PageSession.loggedIn(port, "ada").get("/audit?from=yesterday");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"from-error\"", "aria-invalid=\"true\"", "2026-03-01",
                "value=\"yesterday\"").doesNotContain("No events match");
    }

    @Test
    void aMistypedDigestIsAnInputErrorNotATamperClaim() {
        HttpResponse<String> page = PageSession.loggedIn(port, "ada").get("/audit/ledger?digest=42:abc");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"digest-error\"", "That is not a digest")
                .doesNotContain("Not valid", "history was changed");
    }

    @Test
    void aRoleRefusalOnAnAuditorOrProcessOwnerPageIsAPageWithAWayBack() {
        PageSession ana = PageSession.loggedIn(port, "ana");
        for (String path : new String[] {"/audit", "/audit/ledger", "/processes"}) {
            HttpResponse<String> refused = ana.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(refused.body()).as(path).contains("Not allowed", "Back to your inbox")
                    .doesNotContain("\"detail\"");
        }
    }

    @Test
    void theTrailIsFoundByShortIdOrTitleAndReadsInWords() {
        String title = "Trail globe " + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ana").post("/api/requests", Map.of("title", title, "category", "supplies", "amount", 120,
                "currency", "EUR")).json().path("id").asText();
        PageSession ada = PageSession.loggedIn(port, "ada");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ada.get("/audit?requestId=" + id.substring(0, 8) + "...").body()).contains("Request submitted"));
        String byShortId = ada.get("/audit?requestId=" + id.substring(0, 8)).body();
        assertThat(byShortId).contains("Request submitted", "Step opened", "Ana Costa", "UTC")
                .doesNotContain(">RequestSubmitted<");
        String byTitle = ada.get("/audit?requestId=" + title.substring(6).toUpperCase().replace(" ", "+")).body();
        assertThat(byTitle).contains("Request submitted", id.substring(0, 8));
        assertThat(ada.get("/audit?requestId=no+such+title+anywhere").body()).contains("No events match");
    }

    @Test
    void theTrailComesInPagesOfFiftyNamedByRequestTitle() {
        String title = "Paged globe " + UUID.randomUUID().toString().substring(0, 8);
        as("ana").submit(title, "supplies", 120);
        PageSession ada = PageSession.loggedIn(port, "ada");

        String first = ada.get("/audit").body();
        List<Long> firstIndexes = indexes(first);
        assertThat(firstIndexes).hasSize(50);
        Matcher next = Pattern.compile("id=\"next-page\"[^>]*href=\"[^\"]*after=(\\d+)").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        assertThat(Long.parseLong(next.group(1))).isEqualTo(firstIndexes.get(49));

        String second = ada.get("/audit?after=" + next.group(1)).body();
        assertThat(indexes(second)).isNotEmpty().allSatisfy(index -> assertThat(index).isGreaterThan(firstIndexes.get(49)));
        assertThat(second).contains("id=\"first-page\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ada.get("/audit?requestId=" + title.replace(" ", "+")).body()).contains(">" + title + "</a>"));
    }

    private static List<Long> indexes(String trail) {
        Matcher row = Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(trail);
        List<Long> found = new java.util.ArrayList<>();
        while (row.find()) {
            found.add(Long.parseLong(row.group(1)));
        }
        return found;
    }

    @Test
    void theLendPickerOffersOnlyPeopleWhoseDecisionWouldCountAndEscalationSaysWhereItGoes() {
        String id = as("ana").submit("Picker globe", "supplies", 120);
        String page = PageSession.loggedIn(port, "sofia").get("/requests/" + id).body();

        assertThat(page).contains("<option value=\"liam\"", "<option value=\"vera\"", "id=\"to-hint\"",
                        "It will go to Vera Lind")
                .doesNotContain("<option value=\"ana\"", "<option value=\"ada\"", "<option value=\"ivy\"",
                        "<option value=\"olu\"");
        String mandates = PageSession.loggedIn(port, "sofia").get("/mandates").body();
        assertThat(mandates).contains("value=\"liam\"").doesNotContain("value=\"ada\"");
    }

    @Test
    void decidingInASecondWindowAfterTheStepWasDecidedSaysWhoDidWhatAndKeepsWhatWasTyped() {
        String id = as("ana").submit("Second window globe", "supplies", 120);
        String step = openStep(as("sofia"), id);
        PageSession sofia = PageSession.loggedIn(port, "sofia");
        String csrf = sofia.csrfFrom("/requests/" + id);
        assertThat(as("sofia").post("/api/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "Fine for the lab")).status()).isEqualTo(200);

        HttpResponse<String> late = sofia.postForm("/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "REJECTED", "rationale", "Too expensive this term", "_csrf", csrf));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("id=\"decided-elsewhere\"", "Sofia Reyes already approved this step",
                "Fine for the lab", "Your decision was not recorded", "Too expensive this term");
    }

    @Test
    void aRationaleOverTheLimitIsSentBackInThePagesLanguageAndNothingIsDecided() {
        String id = as("ana").submit("Long reason globe", "supplies", 120);
        String step = openStep(as("sofia"), id);
        PageSession sofia = PageSession.loggedIn(port, "sofia").speaking("de");
        String csrf = sofia.csrfFrom("/requests/" + id);
        long events = eventCount();

        HttpResponse<String> refused = sofia.postForm("/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "x".repeat(4_001), "_csrf", csrf));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Ihre Begründung ist 4001 Zeichen lang; bleiben Sie unter 4000.");
        assertThat(eventCount()).isEqualTo(events);
    }
}
