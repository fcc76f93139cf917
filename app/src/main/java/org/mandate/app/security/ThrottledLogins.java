package org.mandate.app.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Every password check, for form login and HTTP Basic alike: throttled per account and per client address
 * (see {@link LoginThrottle}), and taking the same time whether the account is unknown, departed or active.
 * Spring's provider refuses a disabled (departed) account before checking the password, which answers measurably
 * faster; here the account's status is checked only after the password. Spring's own dummy check for an unknown
 * user is against the hash of a fixed, published password, which {@link RememberedPasswordChecks} would remember
 * as a match and then answer without bcrypt, so an unknown user is checked against the hash of a random secret
 * instead: every refusal costs one bcrypt check.
 */
final class ThrottledLogins implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogins.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Counter failures;
    private final Counter throttled;

    ThrottledLogins(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, MeterRegistry meters) {
        this.passwords = sameTimeForEveryRefusal(users, encoder);
        this.throttle = throttle;
        this.failures = Counter.builder("mandate.login.failures")
                .description("Logins refused for a wrong password, an unknown or a departed account").register(meters);
        this.throttled = Counter.builder("mandate.login.throttled")
                .description("Logins refused unchecked because the account or client address was throttled")
                .register(meters);
    }

    /** The request being logged in on: Spring's request context is set before the security filters run. */
    private static String path() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                ? current.getRequest().getMethod() + " " + current.getRequest().getRequestURI() : "-";
    }

    static DaoAuthenticationProvider sameTimeForEveryRefusal(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(unknownAsNobody(users, encoder));
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** An unknown user name becomes a disabled account whose password nobody knows (see the class comment). */
    private static UserDetailsService unknownAsNobody(UserDetailsService users, PasswordEncoder encoder) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String nobody = encoder.encode(Base64.getEncoder().encodeToString(secret));
        return username -> {
            try {
                return users.loadUserByUsername(username);
            } catch (UsernameNotFoundException unknown) {
                return User.withUsername(username == null || username.isEmpty() ? "(nobody)" : username)
                        .password(nobody).authorities(List.of()).disabled(true).build();
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String account = login.getName();
        String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
        Duration wait = throttle.wait(account, address);
        if (!wait.isZero()) {
            throttled.increment();
            log.info("Refused a login as '{}' from {} on {} unchecked: too many failed logins, {} ms to wait",
                    account, address, path(), wait.toMillis());
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication done = passwords.authenticate(login);
            throttle.succeeded(account);
            return done;
        } catch (InternalAuthenticationServiceException cannotCheck) {
            // the password could not be checked (the database is out of reach): no guess was refused, so nothing
            // counts against the account; the caller hears 503 (OutageAnswers), never "wrong password"
            throw cannotCheck;
        } catch (AuthenticationException refused) {
            throttle.failed(account, address);
            failures.increment();
            if (refused instanceof DisabledException) {
                log.warn("Refused a login as '{}' from {} on {}: they have left", account, address, path());
            } else {
                log.info("Refused a login as '{}' from {} on {}: {}", account, address, path(),
                        refused.getClass().getSimpleName());
            }
            throw refused;
        }
    }
}
