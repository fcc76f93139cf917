package org.mandate.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code mandate.security.*} (docs/security.md).
 *
 * @param localPasswords     whether people sign in with a password kept by Mandate (the login form); off when single
 *                           sign-on is the only way in
 * @param basicAuth          whether the API takes HTTP Basic; unset, it follows {@code localPasswords}
 * @param personClaim        the token claim that names the person (single sign-on)
 * @param rolesClaim         the token claim that carries their roles
 * @param joinOnFirstSignIn  whether someone the identity provider knows and the directory does not joins it when they
 *                           first sign in
 * @param passwordCheckCache how long a successful password check is remembered (0 turns that off)
 * @param loginThrottle      how failed logins slow further attempts down ({@link LoginThrottle})
 */
@ConfigurationProperties("mandate.security")
public record SecuritySettings(Boolean localPasswords, Boolean basicAuth, String personClaim, String rolesClaim,
                               Boolean joinOnFirstSignIn, Duration passwordCheckCache,
                               LoginThrottle.Settings loginThrottle) {

    public SecuritySettings {
        localPasswords = localPasswords == null || localPasswords;
        basicAuth = basicAuth == null ? localPasswords : basicAuth;
        personClaim = personClaim == null || personClaim.isBlank() ? "preferred_username" : personClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        joinOnFirstSignIn = joinOnFirstSignIn != null && joinOnFirstSignIn;
        passwordCheckCache = passwordCheckCache == null ? Duration.ofSeconds(60) : passwordCheckCache;
        loginThrottle = loginThrottle == null ? new LoginThrottle.Settings(null, null, null, null, null)
                : loginThrottle;
    }
}
