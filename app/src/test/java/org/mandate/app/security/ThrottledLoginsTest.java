package org.mandate.app.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottledLoginsTest {

    /** Stands in for bcrypt and counts how often a password is checked: a check is what costs the time. */
    private static final class CountingEncoder implements PasswordEncoder {
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return encoded.equals("hash:" + raw);
        }
    }

    private final CountingEncoder bcrypt = new CountingEncoder();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ThrottledLogins logins = new ThrottledLogins(username -> switch (username) {
        case "ana" -> User.withUsername("ana").password("hash:demo").roles("STAFF").build();
        case "leaver" -> User.withUsername("leaver").password("hash:demo").roles("STAFF").disabled(true).build();
        default -> throw new UsernameNotFoundException("unknown user");
    }, bcrypt, new LoginThrottle(new LoginThrottle.Settings(2, 100, Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15)), Clock.systemUTC()), meters);

    @Test
    void unknownDepartedAndActiveAccountsEachCostOnePasswordCheckToRefuse() {
        int before = checksFor("nobody", "guess");
        assertThat(before).as("an unknown user: Spring's dummy check").isEqualTo(1);
        assertThat(checksFor("leaver", "guess")).as("a departed user").isEqualTo(1);
        assertThat(checksFor("ana", "guess")).as("an active user").isEqualTo(1);
        assertThat(checksFor("leaver", "demo")).as("a departed user with the right password").isEqualTo(1);
    }

    @Test
    void anUnknownUserCostsAFullCheckEveryTimeWhateverThePassword() {
        CountingEncoder bcryptBehindMemory = new CountingEncoder();
        ThrottledLogins remembering = new ThrottledLogins(username -> {
            throw new UsernameNotFoundException("unknown user");
        }, new RememberedPasswordChecks(bcryptBehindMemory, Duration.ofMinutes(1), Clock.systemUTC()),
                new LoginThrottle(new LoginThrottle.Settings(100, 100, Duration.ofMinutes(1), Duration.ofMinutes(1),
                        Duration.ofMinutes(15)), Clock.systemUTC()), new SimpleMeterRegistry());

        for (int i = 0; i < 3; i++) {
            // Spring's own dummy hash is of this published password: a match would be remembered and then be fast
            assertThatThrownBy(() -> remembering.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    "nobody", "userNotFoundPassword"))).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> remembering.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    "", "x"))).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(bcryptBehindMemory.checks).isEqualTo(6);
    }

    @Test
    void aDepartedAccountWithAWrongPasswordLooksLikeAnyWrongPassword() {
        assertThatThrownBy(() -> login("leaver", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("leaver", "demo")).isInstanceOf(DisabledException.class);
    }

    @Test
    void aThrottledAccountIsRefusedWithoutAPasswordCheckAndCounted() {
        checksFor("ana", "guess");
        checksFor("ana", "guess");
        checksFor("ana", "guess");
        int checks = bcrypt.checks;

        assertThatThrownBy(() -> login("ana", "demo")).isInstanceOf(LoginThrottledException.class)
                .satisfies(refused -> assertThat(((LoginThrottledException) refused).retryAfterSeconds())
                        .isEqualTo(60));
        assertThat(bcrypt.checks).isEqualTo(checks);
        assertThat(meters.counter("mandate.login.failures").count()).isEqualTo(3);
        assertThat(meters.counter("mandate.login.throttled").count()).isEqualTo(1);
    }

    private int checksFor(String user, String password) {
        int before = bcrypt.checks;
        assertThatThrownBy(() -> login(user, password)).isNotInstanceOf(LoginThrottledException.class);
        return bcrypt.checks - before;
    }

    private void login(String user, String password) {
        logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }
}
