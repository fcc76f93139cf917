package org.mandate.app.security;

import org.springframework.security.authentication.AccountStatusException;

import java.time.Duration;

/** Too many failed logins for this account or from this address: no password is checked until the wait is over. */
final class LoginThrottledException extends AccountStatusException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins; try again in " + seconds(wait) + " s.");
        this.wait = wait;
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    long retryAfterSeconds() {
        return seconds(wait);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
