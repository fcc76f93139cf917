package org.mandate.app.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.browser.AccessibilityBrowserTest;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.PersonId;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider over HTTP ({@link TestIdentityProvider}): bearer tokens on
 * the API, login to the pages through the provider's login page. One Spring context of its own (the provider's
 * settings, shared with {@link org.mandate.app.reliability.BearerAuthorizationMatrixIntegrationTest}), on a
 * database of its own, so that departures recorded here touch no other test.
 */
class SingleSignOnIntegrationTest extends SingleSignOnContext {

    @Autowired
    CommandGateway commands;

    @Test
    void aBearerTokenActsAsThePersonItNamesWithTheRolesTheProviderGrants() {
        Api sofia = bearer("sofia");
        assertThat(sofia.get("/api/inbox").status()).isEqualTo(200);
        String id = sofia.submit("Microscope slides " + UUID.randomUUID(), "equipment", 120);
        assertThat(sofia.get("/api/requests/" + id).json().path("requester").asText()).isEqualTo("sofia");

        // the directory gives Sofia no auditor role; the provider does (realm_access.roles: ["auditor"])
        assertThat(sofia.get("/api/audit/events?requestId=" + id).status()).isEqualTo(200);
        assertThat(as("sofia").get("/api/audit/events?requestId=" + id).status()).isEqualTo(403);
        // a provider role Mandate does not know ("unrelated-group") is ignored, a known one counts
        assertThat(bearer("olu").get("/api/processes").status()).isEqualTo(200);
    }

    @Test
    void anIdentityNamedByAMailAddressIsThePersonWithThatAddress() {
        Api ana = bearer("ana@school.example");
        String id = ana.submit("Lab coats " + UUID.randomUUID(), "equipment", 80);
        assertThat(ana.get("/api/requests/" + id).json().path("requester").asText()).isEqualTo("ana");
    }

    @Test
    void anIdentityWithNoPersonIsRefusedSayingWhomToAsk() {
        Api.Response refused = bearer("zoe").get("/api/inbox");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).contains("'zoe'", "nobody in Mandate's directory", "Ask a Mandate administrator");
    }

    @Test
    void aPersonWhoLeftIsRefusedWhileTheirTokenIsStillValid() {
        // someone of their own, so that the matrix sharing this context keeps all its people
        join("leo", "Leo Varga");
        Api leo = bearer("leo");
        assertThat(leo.get("/api/inbox").status()).isEqualTo(200);

        Api.Response departure = bearer("ivy").post("/api/people/leo/departure", Map.of());
        assertThat(departure.status()).as(departure.toString()).isEqualTo(200);

        Api.Response refused = leo.get("/api/inbox");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).contains("'leo' has left", "whatever the identity provider says");
    }

    @Test
    void expiredForgedAndWrongAudienceTokensAreRefusedWith401ProblemJson() throws Exception {
        String real = IDP.accessToken("sofia", "mandate-cli");
        SignedJWT parsed = SignedJWT.parse(real);
        // the same claims and key id, signed with a key the provider never published
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(parsed.getHeader().getKeyID()).build(), parsed.getJWTClaimsSet());
        forged.sign(new RSASSASigner(TestIdentityProvider.rsaKey()));

        Map<String, String> refusals = Map.of(
                IDP.accessToken("sofia", "expired-tokens"), "expired",
                forged.serialize(), "",
                IDP.accessToken("sofia", "other-app"), "aud",
                "not-a-token", "");
        refusals.forEach((token, why) -> {
            Api.Response refused = Api.bearer(port, token).get("/api/inbox");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.detail()).startsWith("Your bearer token was refused: ").contains(why)
                    .contains("Get a new token");
        });
        assertThat(Api.bearer(port, real).get("/api/inbox").status()).isEqualTo(200);
    }

    @Test
    void aPersonSignsInThroughTheProvidersLoginPageAndLoggingOutEndsBothSessions() {
        WebDriver browser = browser();
        browser.get(url("/login"));
        assertThat(AccessibilityBrowserTest.axe(browser)).as("the login page with single sign-on").isEmpty();
        signIn(browser, "sofia");
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(url("/")) && !driver.getCurrentUrl()
                .contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your inbox");
        assertThat(browser.findElement(By.cssSelector("header .logout span")).getText()).isEqualTo("sofia");
        // the provider's role reaches the pages too: the directory gives Sofia no auditor role
        browser.get(url("/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
        screenshot(browser, "sso-signed-in");

        browser.get(url("/"));
        browser.findElement(By.cssSelector("header .logout button")).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().equals(url("/login?logout")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("You are logged out.");
        // the provider's session ended too: signing in again asks for the password
        browser.findElement(By.linkText("Sign in with School login")).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(IDP.issuer() + "/login"));
    }

    @Test
    void anIdentityWithNoPersonGetsAPageSayingWhomToAsk() {
        WebDriver browser = browser();
        browser.get(url("/login"));
        signIn(browser, "zoe");
        waitUntil(browser, driver -> driver.getCurrentUrl().equals(url("/login/refused")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mandate does not know you yet");
        assertThat(browser.findElement(By.id("why")).getText())
                .isEqualTo("The identity provider knows you as 'zoe', but nobody in Mandate's directory is that identity.");
        assertThat(browser.findElement(By.id("ask")).getText()).contains("Ivy Park", "as zoe");
        assertThat(AccessibilityBrowserTest.axe(browser)).as("the refused page").isEmpty();
        screenshot(browser, "sso-refused");
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("not signed in to Mandate").isEqualTo(url("/login"));
    }

    @Test
    void theRefusedPageSpeaksTheBrowsersLanguage() {
        WebDriver browser = browser("de");
        browser.get(url("/login"));
        signIn(browser, "zoe");
        waitUntil(browser, driver -> driver.getCurrentUrl().equals(url("/login/refused")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mandate kennt Sie noch nicht");
        assertThat(browser.findElement(By.id("why")).getText()).isEqualTo("Der Identitätsanbieter kennt Sie als "
                + "‚zoe‘, aber im Verzeichnis von Mandate hat niemand diese Identität.");
    }

    @Test
    void aPersonWhoLeftCannotActWhileTheProvidersSessionLivesOn() {
        // someone of their own, so that the matrix sharing this context keeps all its people
        join("mia", "Mia Ortiz");
        WebDriver browser = browser();
        browser.get(url("/login"));
        signIn(browser, "mia");
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(url("/")) && !driver.getCurrentUrl()
                .contains("/login"));
        assertThat(browser.findElement(By.cssSelector("header .logout span")).getText()).isEqualTo("mia");

        Api.Response departure = as("ivy").post("/api/people/mia/departure", Map.of());
        assertThat(departure.status()).as(departure.toString()).isEqualTo(200);

        browser.get(url("/mandates"));
        assertThat(browser.getCurrentUrl()).as("Mandate's session ended").isEqualTo(url("/login"));
        // the provider still has Liam signed in: it sends him straight back, and Mandate refuses him
        browser.findElement(By.linkText("Sign in with School login")).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().equals(url("/login/refused")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You can no longer sign in");
        assertThat(browser.findElement(By.id("why")).getText()).contains("'mia' has left");
        browser.get(url("/mandates"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
    }

    @Test
    void theConsoleShowsHowSignInIsSetUpWithoutItsSecrets() {
        WebDriver ivy = browserAs("ivy");
        ivy.get(url("/admin/clients"));
        assertThat(ivy.findElements(By.id("bearer-off"))).as("an issuer is configured").isEmpty();
        assertThat(ivy.findElement(By.id("bearer-tokens")).getText()).startsWith("on: tokens from " + IDP.issuer())
                .contains("mandate-cli");
        assertThat(ivy.findElement(By.id("sign-in")).getText()).contains("“School login” (client mandate), issuer "
                + IDP.issuer(), "realm_access.roles", "preferred_username");
        assertThat(ivy.getPageSource()).doesNotContain("mandate-secret");
        assertThat(AccessibilityBrowserTest.axe(ivy)).isEmpty();
    }

    /** A teacher under vera who exists for one test (the provider knows them, password as for everyone there). */
    private void join(String id, String name) {
        commands.sendAndWait(new JoinPerson(PersonId.of(id), name, "Teacher", PersonId.of("vera"), Set.of(),
                Authority.none()));
    }

    /** From Mandate's login page through the provider's own login form. */
    private void signIn(WebDriver browser, String user) {
        browser.findElement(By.cssSelector("a[href*='/oauth2/authorization/']")).click(); // "Sign in with School login"
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(IDP.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aSystemClientSubmitsAsItsPersonWithinItsScopesAndItsEventsNameIt() {
        Api purchasing = Api.bearer(port, IDP.clientToken("purchasing"));
        Map<String, Object> request = Map.of("title", "Printer paper", "category", "supplies", "amount", 90,
                "currency", "EUR", "description", "From the purchasing system");
        Api.Response unregistered = purchasing.post("/api/requests", request);
        assertThat(unregistered.status()).as(unregistered.toString()).isEqualTo(403);
        assertThat(unregistered.detail()).contains("not registered as a system client", "/api/admin/clients");

        Api.Response registered = as("ivy").post("/api/admin/clients", Map.of("clientId", "purchasing",
                "actsAs", "ana", "scopes", List.of("requests:submit", "requests:read")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(as("sofia").post("/api/admin/clients", Map.of("clientId", "x", "actsAs", "ana",
                "scopes", List.of("requests:read"))).status()).as("administrators only").isEqualTo(403);

        String id = purchasing.submit("Printer paper " + UUID.randomUUID(), "supplies", 90);
        assertThat(purchasing.get("/api/requests/" + id).json().path("requester").asText()).isEqualTo("ana");
        List<String> metadata = jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ?",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8), id);
        assertThat(metadata).isNotEmpty().allSatisfy(meta -> assertThat(meta).contains("\"client\":\"purchasing\""));
        Api.Response beyond = purchasing.get("/api/inbox");
        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.detail()).contains("'purchasing' may not call GET /api/inbox");

        as("ivy").post("/api/admin/clients", Map.of("clientId", "reporting", "actsAs", "ana",
                "scopes", List.of("requests:read")));
        Api reporting = Api.bearer(port, IDP.clientToken("reporting"));
        assertThat(reporting.get("/api/requests/" + id).status()).isEqualTo(200);
        Api.Response withoutScope = reporting.post("/api/requests", request);
        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(withoutScope.detail()).contains("registered with [requests:read], not 'requests:submit'");

        assertThat(as("ivy").delete("/api/admin/clients/purchasing").json().path("active").asBoolean()).isFalse();
        Api.Response removed = purchasing.get("/api/requests/" + id);
        assertThat(removed.status()).isEqualTo(403);
        assertThat(removed.detail()).contains("'purchasing' was removed");
    }

    @Test
    void aScraperTokenWithTheMetricsRoleReadsTheMetricsAndAPersonWithoutItDoesNot() {
        Api.Response scraped = Api.bearer(port, IDP.clientToken("prometheus")).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("mandate_login_failures_total");
        assertThat(bearer("ivy").get("/actuator/prometheus").status()).as("an administrator").isEqualTo(200);
        Api.Response sofia = bearer("sofia").get("/actuator/prometheus");
        assertThat(sofia.status()).isEqualTo(403);
        assertThat(sofia.contentType()).startsWith("application/problem+json");
        assertThat(Api.bearer(port, IDP.clientToken("prometheus")).get("/api/inbox").status())
                .as("the metrics role opens nothing else").isEqualTo(403);
    }
}
