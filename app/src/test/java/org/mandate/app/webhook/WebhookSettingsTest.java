package org.mandate.app.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    @Test
    void theDefaultsAreForProductionAndRetryForADay() {
        WebhookSettings defaults = new WebhookSettings(null, null, null, null, null, null, null);
        assertThat(defaults.requireHttps()).isTrue();
        assertThat(defaults.allowPrivateAddresses()).isFalse();
        assertThat(defaults.giveUpAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void thePauseDoublesPerFailureUpToTheMaximum() {
        WebhookSettings settings = new WebhookSettings(null, null, Duration.ofSeconds(30), Duration.ofMinutes(5),
                null, null, null);
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.delayAfter(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aZeroOrNegativeDurationIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new WebhookSettings(null, null, Duration.ZERO, null, null, null, null))
                .hasMessageContaining("mandate.webhooks.initial-delay");
    }
}
