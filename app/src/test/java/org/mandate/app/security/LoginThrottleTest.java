package org.mandate.app.security;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofMinutes(15)), clock);

    @Test
    void anAccountIsLockedForADoublingDelayAfterItsFreeFailures() {
        fail("ana", "10.0.0.1", 3);
        assertThat(throttle.wait("ana", "10.0.0.1")).as("three failures are free").isZero();

        fail("ana", "10.0.0.1", 1);
        assertThat(throttle.wait("ana", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
        clock.add(Duration.ofSeconds(1));
        fail("ana", "10.0.0.1", 1);
        assertThat(throttle.wait("ana", "10.0.0.3")).isEqualTo(Duration.ofSeconds(2));
        clock.add(Duration.ofSeconds(2));
        fail("ana", "10.0.0.1", 3);
        assertThat(throttle.wait("ana", "10.0.0.4")).as("capped at the longest delay").isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.wait("ben", "10.0.0.5")).as("other accounts are not touched").isZero();
    }

    @Test
    void aSuccessClearsTheAccount() {
        fail("ana", "10.0.0.1", 4);
        clock.add(Duration.ofSeconds(1));
        throttle.succeeded("ana");

        fail("ana", "10.0.0.1", 3);
        assertThat(throttle.wait("ana", "10.0.0.1")).isZero();
    }

    @Test
    void anAddressGuessingManyAccountsIsLockedToo() {
        for (int i = 0; i < 10; i++) {
            fail("user" + i, "10.9.9.9", 1);
        }
        assertThat(throttle.wait("user0", "10.0.0.1")).isZero();

        fail("user10", "10.9.9.9", 1);

        assertThat(throttle.wait("someone-else", "10.9.9.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.locked()).isEqualTo(1);
    }

    @Test
    void oldFailuresAreForgotten() {
        fail("ana", "10.0.0.1", 3);
        clock.add(Duration.ofMinutes(16));

        fail("ana", "10.0.0.1", 1);

        assertThat(throttle.wait("ana", "10.0.0.1")).as("the count started again").isZero();
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
