package org.mandate.app.web.voice;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;
import org.mandate.app.webhook.WebhookReceiver;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pages speak the person's language: their choice, else their browser's; amounts typed their language's way. */
class VoiceIntegrationTest extends MandateIntegrationTest {

    @Test
    void everyMainPageInGermanHasNoMissingWordsAndSaysItIsGerman() {
        String request = as("ana").submit("Mikroskop", "equipment", 900);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("ana", List.of("/", "/requests/new", "/requests/" + request, "/mandates", "/audit/decisions",
                "/settings/notifications", "/settings/language", "/requests/00000000-0000-0000-0000-000000000000"));
        pages.put("sofia", List.of("/", "/?sort=nonsense", "/requests/" + request));
        pages.put("ada", List.of("/audit", "/audit/requests/" + request, "/audit/ledger", "/insights"));
        pages.put("olu", List.of("/processes", "/processes/approval", "/processes/approval/versions/1"));
        pages.put("ivy", List.of("/admin", "/admin/people/ana", "/admin/reconciliation", "/admin/mail",
                "/admin/projections", "/admin/committees", "/admin/committees/budget-committee", "/admin/categories",
                "/admin/people/vera/departure", "/admin/clients", "/admin/webhooks"));
        pages.forEach((person, paths) -> {
            PageSession session = PageSession.loggedIn(port, person).speaking("de-DE,de;q=0.9,en;q=0.5");
            for (String path : paths) {
                HttpResponse<String> page = session.get(path);
                assertThat(page.statusCode()).as("%s as %s", path, person).isIn(200, 400, 404);
                // the layout's own words too: a page in German says so and speaks it
                assertThat(page.body()).as("%s as %s", path, person).contains("<html lang=\"de\"", ">Abmelden<")
                        .doesNotContain("??");
            }
        });
        assertThat(PageSession.anonymous(port).speaking("de").get("/login").body())
                .contains("<html lang=\"de\"", "Anmelden").doesNotContain("??");
    }

    @Test
    void theConsolesSystemClientAndWebhookPagesSpeakGerman() throws Exception {
        PageSession ivy = PageSession.loggedIn(port, "ivy").speaking("de-DE,de;q=0.9,en;q=0.5");
        String clientId = "stimme-" + System.nanoTime();

        HttpResponse<String> registered = ivy.postForm("/admin/clients", Map.of("clientId", clientId,
                "actsAs", "ana", "scope", "requests:read", "_csrf", ivy.csrfFrom("/admin/clients")));
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(ivy.get("/admin/clients").body()).contains("<html lang=\"de\"", ">Systemclients<",
                "‘" + clientId + "’ ist registriert", "Die Anträge lesen, die die Person sehen darf",
                "Wie die Anmeldung eingerichtet ist", "darf aufrufen").doesNotContain("??");
        assertThat(ivy.get("/admin/clients/" + clientId + "/removal").body()).contains("entfernen?",
                "Client entfernen").doesNotContain("??");
        assertThat(ivy.postForm("/admin/clients/" + clientId + "/removal",
                Map.of("_csrf", ivy.csrfFrom("/admin/clients"))).statusCode()).isEqualTo(302);
        assertThat(ivy.get("/admin/clients").body()).contains("ist entfernt: Sein nächster Aufruf wird abgewiesen");

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer("/stimme", 503);
            HttpResponse<String> subscribed = ivy.postForm("/admin/webhooks", Map.of("url",
                    receiver.url("/stimme"), "kind", "RequestSubmitted", "_csrf", ivy.csrfFrom("/admin/webhooks")));
            assertThat(subscribed.statusCode()).isEqualTo(302);
            String page = subscribed.headers().firstValue("Location").orElseThrow().replaceAll(".*(/admin/webhooks/)",
                    "$1");
            assertThat(ivy.get(page).body()).contains("Webhook an", "Das Signaturgeheimnis", "Antrag eingereicht",
                    "Noch nichts gesendet").doesNotContain("??");

            as("ana").submit("Stimmgabel", "supplies", 30);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ivy.get(page).body())
                    .contains("aufgegeben vor", "Der Empfänger antwortete 503", "Erneut zustellen"));
            assertThat(ivy.get(page).body()).doesNotContain("??");
            assertThat(ivy.get("/admin/webhooks").body()).contains("aufgegeben vor", "aktiv").doesNotContain("??");
            assertThat(ivy.get(page + "/removal").body()).contains("beenden?", "Webhook beenden")
                    .doesNotContain("??");
            assertThat(ivy.postForm(page + "/removal", Map.of("_csrf", ivy.csrfFrom("/admin/webhooks")))
                    .statusCode()).isEqualTo(302);
            assertThat(ivy.get("/admin/webhooks").body()).contains("Beendet: An " + receiver.url("/stimme"));
        }
    }

    @Test
    void aBrowserAskingForNeitherLanguageGetsEnglish() {
        PageSession ana = PageSession.loggedIn(port, "ana").speaking("fr-FR,fr;q=0.9");

        assertThat(ana.get("/").body()).contains("<html lang=\"en\"", ">Log out<");
    }

    @Test
    void thePersonsChoiceOverridesTheBrowser() {
        PageSession ana = PageSession.loggedIn(port, "ana").speaking("de");
        assertThat(ana.get("/").body()).contains("<html lang=\"de\"", ">Abmelden<");

        HttpResponse<String> saved = ana.postForm("/settings/language", Map.of("language", "en",
                "zone", "Europe/Berlin", "_csrf", ana.csrfFrom("/settings/language")));
        assertThat(saved.statusCode()).isEqualTo(302);

        String english = ana.get("/settings/language").body();
        assertThat(english).contains("<html lang=\"en\"", ">Log out<", "Saved: pages now follow")
                .containsPattern("<option value=\"Europe/Berlin\" selected");
        String request = as("ana").submit("Globus", "supplies", 120);
        assertThat(ana.get("/requests/" + request).body()).containsPattern("\\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d CET");

        PageSession englishBrowser = PageSession.loggedIn(port, "ana").speaking("en");
        englishBrowser.postForm("/settings/language", Map.of("language", "de", "zone", "",
                "_csrf", englishBrowser.csrfFrom("/settings/language")));
        assertThat(englishBrowser.get("/").body()).contains("<html lang=\"de\"", ">Abmelden<");

        englishBrowser.postForm("/settings/language", Map.of("language", "", "zone", "",
                "_csrf", englishBrowser.csrfFrom("/settings/language")));
        assertThat(englishBrowser.get("/").body()).contains("<html lang=\"en\"");
        assertThat(ana.get("/").body()).contains("<html lang=\"de\"");
    }

    @Test
    void aLanguageMandateDoesNotSpeakIsShownBackByTheField() {
        PageSession ana = PageSession.loggedIn(port, "ana");

        HttpResponse<String> refused = ana.postForm("/settings/language", Map.of("language", "fr", "zone", "",
                "_csrf", ana.csrfFrom("/settings/language")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"language-error\"", "Mandate speaks English and German");
    }

    @Test
    void anAmountTypedTheGermanWayIsReadAsGermansMeanIt() {
        PageSession ana = PageSession.loggedIn(port, "ana").speaking("de");

        String id = submitThroughTheForm(ana, "Globen", "1.500,50");

        assertThat(as("ana").get("/api/requests/" + id).json().path("amount").decimalValue())
                .isEqualByComparingTo("1500.50");
        assertThat(ana.get("/requests/" + id).body()).contains("1.500,50 EUR");
    }

    @Test
    void anAmountTypedTheEnglishWayIsReadInEnglish() {
        PageSession ana = PageSession.loggedIn(port, "ana").speaking("en-GB");

        String id = submitThroughTheForm(ana, "Globes", "1,500.50");

        assertThat(as("ana").get("/api/requests/" + id).json().path("amount").decimalValue())
                .isEqualByComparingTo("1500.50");
    }

    /** Submits a request for supplies through the new-request form, the amount as typed; the new request's id. */
    private static String submitThroughTheForm(PageSession session, String title, String typedAmount) {
        HttpResponse<String> sent = session.postForm("/requests", Map.of("title", title, "category", "supplies",
                "amount", typedAmount, "_csrf", session.csrfFrom("/requests/new")));
        assertThat(sent.statusCode()).isEqualTo(302);
        return sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/requests/", "");
    }

    @Test
    void anAmountThatCouldMeanTwoIsRefusedByTheFieldInGerman() {
        PageSession ana = PageSession.loggedIn(port, "ana").speaking("de");
        long events = eventCount();

        HttpResponse<String> refused = ana.postForm("/requests", Map.of("title", "Globen", "category", "supplies",
                "amount", "1,500", "_csrf", ana.csrfFrom("/requests/new")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"amount-error\"", "kann zwei Beträge bedeuten");
        assertThat(eventCount()).isEqualTo(events);
    }
}
