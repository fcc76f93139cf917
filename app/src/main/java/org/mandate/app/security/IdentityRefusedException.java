package org.mandate.app.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone, but Mandate will not let them act: nobody in the directory is that
 * identity, or the person has left. Answered with 403 and this detail (a new token would not help), or, on the
 * pages, with a page saying whom to ask.
 */
final class IdentityRefusedException extends AuthenticationException {

    private final String claimed;
    private final boolean departed;

    IdentityRefusedException(String claimed, boolean departed, String detail) {
        super(detail);
        this.claimed = claimed;
        this.departed = departed;
    }

    /** What the provider said the person is (the person claim's value), or null if it said nothing. */
    String claimed() {
        return claimed;
    }

    boolean departed() {
        return departed;
    }
}
