package org.mandate.app.sso;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandate as an organisation that leaves every password to its identity provider: {@code
 * mandate.security.local-passwords=false}, {@code mandate.security.basic-auth=false}, and newcomers joining the
 * directory when they first sign in ({@code mandate.security.join-on-first-sign-in=true}). Against the same
 * {@link TestIdentityProvider} as {@link SingleSignOnIntegrationTest}, in a Spring context of its own (these
 * settings are read at start), on a database of its own. The demo school is loaded with its passwords, so that
 * the passwords being refused are correct ones.
 */
class PasswordsOffIntegrationTest extends BrowserTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.shared();

    private static final String DATABASE = "jdbc:h2:file:" + new File("target/test-data/sso-off-"
            + UUID.randomUUID()).getAbsolutePath() + "/mandate;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";

    @DynamicPropertySource
    static void passwordsOff(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> DATABASE);
        properties.add("mandate.demo-story", () -> "false");
        properties.add("mandate.security.local-passwords", () -> "false");
        properties.add("mandate.security.basic-auth", () -> "false");
        properties.add("mandate.security.join-on-first-sign-in", () -> "true");
        IDP.signInThroughThisProvider(properties);
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "mandate-cli");
    }

    @Autowired
    FilterChainProxy security;

    @BeforeEach
    void mandateIsAClientOfTheProvider() {
        IDP.registerMandate("http://127.0.0.1:" + port);
    }

    @Test
    void theLoginPageHasNoPasswordFormAndAPostedPasswordSignsNobodyIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in with School login").doesNotContain("name=\"password\"",
                "name=\"username\"");

        // the right password of a real person, posted to where the form used to go: there is no password login
        // to reach (and, with no form, no CSRF token to send along)
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ivy&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("a password login is refused: %s", posted.body()).isEqualTo(403);

        HttpResponse<String> home = browser.send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("nobody is signed in").isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/login");

        // and not merely for want of a token: the pages' and the API's chains have no password filter at all
        assertThat(security.getFilters("/login")).noneMatch(filter -> filter instanceof
                UsernamePasswordAuthenticationFilter || filter instanceof BasicAuthenticationFilter);
        assertThat(security.getFilters("/api/inbox")).noneMatch(filter -> filter instanceof
                UsernamePasswordAuthenticationFilter || filter instanceof BasicAuthenticationFilter);
    }

    @Test
    void basicCredentialsAreRefusedWith401WhileABearerTokenWorks() {
        Api.Response basic = as("ivy").get("/api/inbox");
        assertThat(basic.status()).as(basic.toString()).isEqualTo(401);
        assertThat(basic.contentType()).startsWith("application/problem+json");
        assertThat(basic.detail()).contains("bearer token", "HTTP Basic is switched off here");

        Api ivy = Api.bearer(port, IDP.accessToken("ivy", "mandate-cli"));
        assertThat(ivy.get("/api/inbox").status()).isEqualTo(200);
        assertThat(ivy.get("/api/admin/clients").status()).as("with her administrator role").isEqualTo(200);
    }

    @Test
    void anIdentityWithNoPersonJoinsTheDirectoryOnFirstSignInWithNoAuthority() {
        assertThat(jdbc.queryForObject("select count(*) from directory_person where id = 'kit'", Integer.class))
                .isZero();
        WebDriver browser = browser();
        browser.get(url("/login"));
        browser.findElement(By.linkText("Sign in with School login")).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(IDP.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys("kit");
        browser.findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(browser, driver -> driver.getCurrentUrl().startsWith(url("/")) && !driver.getCurrentUrl()
                .contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your inbox");
        assertThat(browser.findElement(By.cssSelector("header .logout span")).getText()).isEqualTo("kit");

        // in the directory as a person like any other, named and addressed by the provider's claims
        assertThat(jdbc.queryForMap("select name, active, manager_id from directory_person where id = 'kit'"))
                .containsEntry("NAME", "Kit Newman").containsEntry("ACTIVE", true)
                .containsEntry("MANAGER_ID", null);
        assertThat(jdbc.queryForList("select email from mail_address where person_id = 'kit'", String.class))
                .containsExactly("kit@school.example");
        List<String> events = jdbc.queryForList("select payload_type from domain_event_entry "
                + "where aggregate_identifier = 'kit' order by sequence_number", String.class);
        assertThat(events).containsExactly("org.mandate.domain.directory.PersonJoined",
                "org.mandate.domain.directory.EmailSet");
        assertThat(jdbc.queryForObject("select roles from directory_person where id = 'kit'", String.class))
                .as("staff only").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from directory_authority where person_id = 'kit'",
                Integer.class)).as("no authority").isZero();
        Api kit = Api.bearer(port, IDP.accessToken("kit", "mandate-cli"));
        assertThat(kit.get("/api/inbox").status()).as("now known, their tokens work too").isEqualTo(200);
    }

    @Test
    void aBearerTokenForNobodyDoesNotJoin() {
        Api.Response refused = Api.bearer(port, IDP.accessToken("rae", "mandate-cli")).get("/api/inbox");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("'rae'", "nobody in Mandate's directory");
        assertThat(jdbc.queryForObject("select count(*) from directory_person where id = 'rae'", Integer.class))
                .isZero();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).GET().build();
    }
}
