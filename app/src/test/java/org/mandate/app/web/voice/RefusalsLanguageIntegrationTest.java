package org.mandate.app.web.voice;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.app.web.PageSession;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal speaks the person's language on the pages and in the API's problem detail: their choice, else their
 * browser's (Accept-Language), else English. Rules of the domain and of the app alike.
 */
class RefusalsLanguageIntegrationTest extends MandateIntegrationTest {

    private static final Map<String, Object> MISTYPED = Map.of("title", "Beamer", "category", "equipmnt",
            "amount", 300, "currency", "EUR");
    private static final String WITHDRAWN_DE = "Dieser Antrag ist bereits zurückgezogen und kann nicht mehr "
            + "zurückgezogen werden.";
    private static final String WITHDRAWN_EN = "This request is already withdrawn and can no longer be withdrawn.";

    @Test
    void theApiAnswersInTheLanguageTheCallerAsksFor_andEnglishWithoutAHeader() {
        // a rule checked before the command (the category list) and one inside the command handler
        String withdrawn = withdrawn();
        assertThat(as("ana").speaking("de-DE,de;q=0.9").post("/api/requests", MISTYPED).detail())
                .startsWith("Unbekannte Kategorie ‘equipmnt’; bekannt sind: ").contains("Meinten Sie ‘equipment’?");
        assertThat(withdraw(as("ana").speaking("de"), withdrawn).detail()).isEqualTo(WITHDRAWN_DE);

        assertThat(as("ana").post("/api/requests", MISTYPED).detail())
                .startsWith("Unknown category 'equipmnt'; known: ").contains("Did you mean 'equipment'?");
        assertThat(withdraw(as("ana").speaking("en-GB,en;q=0.9"), withdrawn).detail()).isEqualTo(WITHDRAWN_EN);
        assertThat(withdraw(as("ana").speaking("fr"), withdrawn).detail()).as("a language Mandate does not speak")
                .isEqualTo(WITHDRAWN_EN);
        // the app's own refusals too
        Api.Response notOurs = as("ana").speaking("de").get("/api/requests/00000000-0000-0000-0000-000000000000");
        assertThat(notOurs.status()).isEqualTo(404);
        assertThat(notOurs.detail()).isEqualTo("Es gibt keinen Antrag 00000000-0000-0000-0000-000000000000. Prüfen "
                + "Sie die ID, oder sehen Sie in Ihrem Eingang nach.");
        assertThat(as("ana").get("/api/requests/00000000-0000-0000-0000-000000000000").detail())
                .isEqualTo("There is no request 00000000-0000-0000-0000-000000000000. Check the id, or look in your "
                        + "inbox.");
    }

    @Test
    void aPageShowsTheRefusalInTheBrowsersLanguage() {
        PageSession german = PageSession.loggedIn(port, "ana").speaking("de-DE,de;q=0.9,en;q=0.5");
        HttpResponse<String> refused = german.postForm("/requests", Map.of("title", "Beamer", "category",
                "equipmnt", "amount", "300", "_csrf", german.csrfFrom("/requests/new")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Unbekannte Kategorie ‘equipmnt’", "Meinten Sie ‘equipment’?")
                .doesNotContain("Unknown category");

        PageSession english = PageSession.loggedIn(port, "ana");
        HttpResponse<String> inEnglish = english.postForm("/requests", Map.of("title", "Beamer", "category",
                "equipmnt", "amount", "300", "_csrf", english.csrfFrom("/requests/new")));
        assertThat(inEnglish.statusCode()).isEqualTo(400);
        assertThat(inEnglish.body()).contains("Unknown category &#39;equipmnt&#39;").doesNotContain("Unbekannte");
    }

    @Test
    void theAppsOwnRefusalOfAFileIsInTheBrowsersLanguage_wordsForTheKindsIncluded() {
        String request = as("ana").submit("Karte", "equipment", 200);
        PageSession german = PageSession.loggedIn(port, "sofia").speaking("de");
        HttpResponse<String> refused = german.postFile("/requests/" + request + "/attachments?_csrf="
                + german.csrfFrom("/requests/" + request), "karte.png",
                "%PDF-1.7 karte".getBytes(StandardCharsets.US_ASCII));
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("Die Datei ‘karte.png’ ist dem Namen nach ein PNG-Bild, ihr Inhalt ist "
                + "aber ein PDF-Dokument.");
    }

    @Test
    void aMailLinkThatIsNotOursIsRefusedInTheBrowsersLanguage() {
        HttpResponse<String> german = PageSession.loggedIn(port, "sofia").speaking("de").get("/mail/act/abgeschnitten");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.body()).contains("Diesen Link hat nicht Mandate erzeugt: Vielleicht hat ihn das "
                + "Mailprogramm abgeschnitten.");
        assertThat(PageSession.loggedIn(port, "sofia").get("/mail/act/abgeschnitten").body())
                .contains("This link is not one Mandate made: it may have been cut short by the mail program.");
    }

    @Test
    void thePersonsChoiceOfGermanHoldsForPagesAndTheApi_evenWithoutAHeader() {
        String withdrawn = withdrawn();
        PageSession ana = PageSession.loggedIn(port, "ana");
        try {
            assertThat(ana.postForm("/settings/language", Map.of("language", "de", "zone", "",
                    "_csrf", ana.csrfFrom("/settings/language"))).statusCode()).isEqualTo(302);

            assertThat(withdraw(as("ana"), withdrawn).detail()).isEqualTo(WITHDRAWN_DE);
            HttpResponse<String> refused = ana.postForm("/requests", Map.of("title", "Beamer", "category",
                    "equipment", "amount", "300", "description", "Zeile\u0007", "_csrf",
                    ana.csrfFrom("/requests/new")));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("Das Feld ‘description’ enthält");
            // someone else, still without a choice, reads English
            assertThat(withdraw(as("sofia"), withdrawn).detail())
                    .isEqualTo("Only the requester can withdraw a request.");
        } finally {
            ana.postForm("/settings/language", Map.of("language", "", "zone", "",
                    "_csrf", ana.csrfFrom("/settings/language")));
        }
        assertThat(withdraw(as("ana"), withdrawn).detail()).isEqualTo(WITHDRAWN_EN);
    }

    /** One of ana's requests, withdrawn already: withdrawing it again is refused by the request's own rule. */
    private String withdrawn() {
        String request = as("ana").submit("Beamer", "equipment", 300);
        assertThat(withdraw(as("ana"), request).status()).isEqualTo(200);
        return request;
    }

    private static Api.Response withdraw(Api who, String request) {
        return who.post("/api/requests/" + request + "/withdrawal", Map.of());
    }
}
