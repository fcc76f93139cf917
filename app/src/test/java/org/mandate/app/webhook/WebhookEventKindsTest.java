package org.mandate.app.webhook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The kinds the console offers are events Mandate records and publishes, named as the API and the messages name them. */
class WebhookEventKindsTest {

    private static final List<String> PUBLISHED_AREAS = List.of("request", "mandate", "directory", "process");

    @Test
    void everyOfferedKindIsAPublishedDomainEvent() {
        assertThat(WebhookEventKinds.KINDS).isNotEmpty().allSatisfy(kind -> {
            assertThat(PUBLISHED_AREAS.stream().filter(area -> exists("org.mandate.domain." + area + "."
                    + kind.name()))).as(kind.name()).hasSize(1);
            assertThat(kind.words()).as(kind.name()).isNotBlank();
        });
        assertThat(WebhookEventKinds.KINDS).extracting(WebhookEventKinds.Kind::name).doesNotHaveDuplicates();
    }

    @Test
    void kindsReadAsWords() {
        assertThat(WebhookEventKinds.label("StepDecided")).isEqualTo("Step decided");
        assertThat(WebhookEventKinds.label("*")).isEqualTo("Every event");
        assertThat(WebhookEventKinds.label(WebhookEventKinds.ALL.name())).isEqualTo("Every event");
    }

    @Test
    void everyOfferedKindHasItsWordsInBothLanguages() throws IOException {
        for (String file : List.of("console.properties", "console_de.properties")) {
            Properties bundle = new Properties();
            try (Reader reader = new InputStreamReader(WebhookEventKindsTest.class.getResourceAsStream(
                    "/messages/" + file), StandardCharsets.UTF_8)) {
                bundle.load(reader);
            }
            for (WebhookEventKinds.Kind kind : Stream.concat(Stream.of(WebhookEventKinds.ALL),
                    WebhookEventKinds.KINDS.stream()).toList()) {
                String key = WebhookEventKinds.KEYS + WebhookEventKinds.key(kind.name());
                assertThat(bundle.getProperty(key)).as("%s in %s", key, file).isNotBlank();
                assertThat(bundle.getProperty(key + ".words")).as("%s.words in %s", key, file).isNotBlank();
            }
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, WebhookEventKindsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
