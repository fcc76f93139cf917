package org.mandate.app.web;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie does not ride along on cross-site requests and is out of scripts' reach, and no redirect
 * repeats the Host header a client sent (a forged one would otherwise send people, or a cache, elsewhere).
 * Raw sockets: Java's HTTP client will not send a Host header of one's choosing.
 */
class CookiesAndRedirectsIntegrationTest extends MandateIntegrationTest {

    private static final String FORGED = "evil.example.net";
    private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\r\n]+)(.*)$");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: (.*)$");

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws IOException {
        String answer = raw("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Matcher cookie = SESSION.matcher(answer);
        assertThat(cookie.find()).as(answer).isTrue();
        assertThat(cookie.group(2)).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void redirectsNeverCarryAForgedHost() throws IOException {
        String loginPage = raw("GET /login HTTP/1.1\r\nHost: " + FORGED + "\r\nConnection: close\r\n\r\n");
        Matcher cookie = SESSION.matcher(loginPage);
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(cookie.find() && csrf.find()).as(loginPage).isTrue();

        String toLogin = raw("GET /mandates HTTP/1.1\r\nHost: " + FORGED + "\r\nCookie: " + cookie.group(1)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(location(toLogin)).isEqualTo("/login");

        String form = "username=sofia&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String loggedIn = raw("POST /login HTTP/1.1\r\nHost: " + FORGED + "\r\nCookie: " + cookie.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(location(loggedIn)).as("back to the page asked for, relative").startsWith("/mandates");
    }

    private static String location(String answer) {
        String location = answerLocation(answer);
        assertThat(location).as(answer).doesNotContain(FORGED);
        return location;
    }

    private static String answerLocation(String answer) {
        Matcher location = LOCATION.matcher(answer);
        return location.find() ? location.group(1).strip() : "";
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
