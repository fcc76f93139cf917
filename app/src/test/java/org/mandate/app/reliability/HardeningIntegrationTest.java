package org.mandate.app.reliability;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the running app does not offer (consoles, engine UIs, stack traces) and the headers its pages carry. */
class HardeningIntegrationTest extends MandateIntegrationTest {

    @Test
    void pagesCarrySecurityHeaders() {
        for (Http.Reply page : List.of(Http.session(port, null).get("/login"), Http.session(port, "ana").get("/"))) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe")
                    .contains("object-src 'none'").contains("frame-ancestors 'none'");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("Permissions-Policy")).contains("camera=()");
            assertThat(page.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void thereIsNoH2ConsoleAndNoCamundaWebappOrRestApi() {
        Http admin = Http.session(port, "ivy");
        for (String path : List.of("/h2-console", "/h2-console/login.do", "/camunda/app/welcome/default/",
                "/camunda/api/engine/engine/", "/engine-rest/engine", "/engine-rest/process-definition",
                "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops")) {
            assertThat(admin.get(path).status()).as("GET %s as the administrator", path).isEqualTo(404);
        }
        for (String absent : List.of("org.camunda.bpm.engine.rest.impl.CamundaRestResources",
                "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                "org.axonframework.axonserver.connector.AxonServerConfiguration")) {
            assertThat(loadable(absent)).as("%s on the classpath", absent).isFalse();
        }
    }

    @Test
    void metricsAnswerTheScrapeAccountAndAdministratorsOnly() {
        Http.Reply anonymous = Http.basic(port, null).get("/actuator/prometheus");
        Http.Reply wrongPassword = Http.basic(port, "prometheus", "guess").get("/actuator/prometheus");
        Http.Reply staff = Http.basic(port, "ana").get("/actuator/prometheus");
        Http.Reply scraper = Http.basic(port, "prometheus", SCRAPE_PASSWORD).get("/actuator/prometheus");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.json().path("detail").asText()).contains("mandate.metrics.password");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.isProblem()).isTrue();
        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.body()).contains("mandate_requests_submitted_total");
        assertThat(Http.basic(port, "prometheus", SCRAPE_PASSWORD).get("/api/inbox").status())
                .as("the scrape account is nobody anywhere else").isEqualTo(401);
        assertThat(Http.basic(port, null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void errorsRevealNoInternals() {
        Http.Reply api = Http.basic(port, "ana").get("/api/no-such-thing");
        Http.Reply badId = Http.basic(port, "ana").get("/api/requests/not-a-uuid");

        for (Http.Reply reply : List.of(api, badId)) {
            assertThat(reply.status()).isBetween(400, 499);
            assertThat(reply.isProblem()).as("%s", reply).isTrue();
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        }
    }

    /** Secrets come from configuration: no committed configuration file carries a password value. */
    @Test
    void noPasswordIsWrittenIntoConfiguration() throws IOException {
        Pattern password = Pattern.compile("(?im)^\\s*password\\s*:\\s*(.*)$");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path file : files.filter(path -> path.toString().matches(".*application.*\\.(ya?ml|properties)"))
                    .toList()) {
                Matcher matcher = password.matcher(Files.readString(file));
                while (matcher.find()) {
                    String value = matcher.group(1).replaceAll("\\s+#.*", "").strip();
                    assertThat(value).as("password in %s", file).matches("|\"\"|''|\\$\\{[A-Z0-9_]+(:)?}");
                }
            }
        }
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, HardeningIntegrationTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
