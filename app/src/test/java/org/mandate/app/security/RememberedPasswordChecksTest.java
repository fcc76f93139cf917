package org.mandate.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordChecksTest {

    /** Stands in for bcrypt: "hash:<password>:<salt>", and counts how often it is asked. */
    private static final class CountingEncoder implements PasswordEncoder {
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw + ":" + System.nanoTime();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return encoded.startsWith("hash:" + raw + ":");
        }
    }


    private final CountingEncoder bcrypt = new CountingEncoder();
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(bcrypt, Duration.ofSeconds(60), clock);
    private final String stored = bcrypt.encode("secret");

    @Test
    void aRepeatedCorrectPasswordIsCheckedOnceWithinTheTimeToLive() {
        assertThat(checks.matches("secret", stored)).isTrue();
        clock.add(Duration.ofSeconds(59));
        assertThat(checks.matches("secret", stored)).isTrue();

        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromMemory() {
        checks.matches("secret", stored);

        assertThat(checks.matches("guess", stored)).isFalse();
        assertThat(checks.matches("guess", stored)).isFalse();
        assertThat(bcrypt.checks).as("every wrong guess pays the full check").isEqualTo(3);
    }

    @Test
    void aNewPasswordMeansANewHashSoTheOldPasswordIsCheckedAgainAndRefused() {
        checks.matches("secret", stored);
        String changed = bcrypt.encode("changed");

        assertThat(checks.matches("secret", changed)).isFalse();
        assertThat(checks.matches("changed", changed)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void pastTheTimeToLiveThePasswordIsCheckedAgain() {
        checks.matches("secret", stored);
        clock.add(Duration.ofSeconds(60));

        assertThat(checks.matches("secret", stored)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        RememberedPasswordChecks off = new RememberedPasswordChecks(bcrypt, Duration.ZERO, clock);

        off.matches("secret", stored);
        off.matches("secret", stored);

        assertThat(bcrypt.checks).isEqualTo(2);
    }
}
