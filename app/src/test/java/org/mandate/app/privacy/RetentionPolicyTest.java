package org.mandate.app.privacy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    @Test
    void keepsEverythingForEverWhenNothingIsSet() {
        RetentionPolicy policy = new RetentionPolicy(null, null);

        assertThat(policy.retentionFor("trip")).isEmpty();
        assertThat(policy.shredsAnything()).isFalse();
        assertThat(policy.retentionEvery()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCategoryWithoutItsOwnPeriodTakesTheDefault() {
        RetentionPolicy policy = new RetentionPolicy(Map.of("Trip", Duration.ofDays(30), "default",
                Duration.ofDays(2557)), Duration.ofMinutes(10));

        assertThat(policy.retentionFor("trip")).contains(Duration.ofDays(30));
        assertThat(policy.retentionFor(" TRIP ")).as("categories match regardless of case").contains(
                Duration.ofDays(30));
        assertThat(policy.policyOf("trip")).isEqualTo("trip");
        assertThat(policy.retentionFor("equipment")).contains(Duration.ofDays(2557));
        assertThat(policy.policyOf("equipment")).isEqualTo("default");
        assertThat(policy.ownPeriods()).containsOnlyKeys("trip");
        assertThat(policy.defaultPeriod()).contains(Duration.ofDays(2557));
        assertThat(policy.retentionEvery()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void withoutADefaultOnlyTheNamedCategoriesAreShredded() {
        RetentionPolicy policy = new RetentionPolicy(Map.of("trip", Duration.ofDays(30)), null);

        assertThat(policy.retentionFor("equipment")).isEmpty();
        assertThat(policy.defaultPeriod()).isEmpty();
        assertThat(policy.shredsAnything()).isTrue();
    }

    @Test
    void refusesANegativePeriodOrInterval() {
        assertThatThrownBy(() -> new RetentionPolicy(Map.of("trip", Duration.ofDays(-1)), null))
                .hasMessageContaining("mandate.privacy.retention.trip").hasMessageContaining("zero or more");
        assertThatThrownBy(() -> new RetentionPolicy(Map.of(), Duration.ZERO))
                .hasMessageContaining("mandate.privacy.retention-every").hasMessageContaining("positive");
    }
}
