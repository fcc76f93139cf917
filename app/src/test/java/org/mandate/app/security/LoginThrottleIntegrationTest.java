package org.mandate.app.security;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.MandateIntegrationTest;
import org.mandate.domain.directory.Authority;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty wrong passwords in a row do not leave the account open to the thirty-first guess: after five free
 * failures the account waits (300 ms doubling to 600 ms in tests, 1 s to 5 min by default), over HTTP Basic and
 * the login form alike, and a success clears it.
 */
class LoginThrottleIntegrationTest extends MandateIntegrationTest {

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileAndASuccessClearsIt() throws Exception {
        String id = hire();
        Api guesser = new Api(port, id, "guess");
        double throttledBefore = metric("mandate_login_throttled_total");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/inbox").status()).as("free failure " + (i + 1)).isEqualTo(401);
        }
        assertThat(guesser.get("/api/inbox").status()).as("the sixth failure locks").isEqualTo(401);
        int throttled = 0;
        for (int i = 0; i < 24; i++) {
            throttled += guesser.get("/api/inbox").status() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("guesses while locked are not even checked").isPositive();
        while (guesser.get("/api/inbox").status() != 401) {
            // wait out the lock with guesses: the next failure locks the account again, from now
        }

        Api.Response rightButLocked = new Api(port, id, "demo").get("/api/inbox");
        HttpResponse<String> withHeaders = basic(id, "demo");
        assertThat(rightButLocked.status()).as(rightButLocked.toString()).isEqualTo(429);
        assertThat(rightButLocked.contentType()).contains("application/problem+json");
        assertThat(rightButLocked.detail()).contains("Too many failed logins", "Retry-After");
        assertThat(withHeaders.headers().firstValue("Retry-After")).hasValue("1");
        String throttledPage = formLogin(id, "demo");
        assertThat(throttledPage).as("the login form shares the lock").startsWith("/login?throttled=");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + throttledPage)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Too many failed logins", "Wait 1 seconds");

        Thread.sleep(650);
        assertThat(new Api(port, id, "demo").get("/api/inbox").status()).as("the lock has passed").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/inbox").status()).as("the success cleared the count").isEqualTo(401);
        }
        assertThat(metric("mandate_login_throttled_total")).isGreaterThan(throttledBefore);
        assertThat(metric("mandate_login_failures_total")).isGreaterThanOrEqualTo(11);
    }

    private String hire() {
        String id = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        join(id, id, "vera", Set.of(), Authority.none());
        return id;
    }

    private HttpResponse<String> basic(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/inbox")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the form (CSRF token included) and answers where the login sent the browser. */
    private String formLogin(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return login.headers().firstValue("Location").orElse("");
    }

    private double metric(String name) {
        String scrape = new Api(port, "prometheus", SCRAPE_PASSWORD).get("/actuator/prometheus").body();
        return scrape.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
