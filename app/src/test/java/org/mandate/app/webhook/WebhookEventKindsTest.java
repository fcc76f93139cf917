package org.mandate.app.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, WebhookEventKindsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
