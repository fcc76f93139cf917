package org.mandate.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Data lives in the H2 file under mandate.data-dir: a request submitted before a restart is there after it. */
class RestartIntegrationTest {

    private final String dataDir = new File("target/test-data/restart-" + UUID.randomUUID()).getAbsolutePath();

    @Test
    void aRequestAndItsOpenStepSurviveARestart() {
        String id;
        String step;
        try (ConfigurableApplicationContext first = start()) {
            Api ana = api(first, "ana");
            id = ana.submit("Lab coats", "supplies", 250);
            step = ana.get("/api/requests/" + id).json().path("steps").get(0).path("id").asText();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api ana = api(second, "ana");
            assertThat(ana.get("/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(api(second, "sofia").get("/api/inbox").json().findValuesAsText("stepId")).contains(step);

            Api.Response decided = api(second, "sofia").post("/api/requests/" + id + "/steps/" + step + "/decision",
                    Map.of("outcome", "APPROVED"));
            assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");
        }
    }

    private ConfigurableApplicationContext start() {
        MandateApplication.noPhoneHome();
        return new SpringApplicationBuilder(MandateApplication.class).run("--server.port=0",
                "--mandate.data-dir=" + dataDir, "--mandate.demo=true",
                // another engine lives in this JVM (the shared test context); keep their names apart
                "--camunda.bpm.generate-unique-process-engine-name=true");
    }

    private static Api api(ConfigurableApplicationContext context, String person) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(port, person, "demo");
    }
}
