package org.mandate.app.security;

import org.mandate.app.web.voice.Messages;
import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone, but Mandate will not let them act: nobody in the directory is that
 * identity, or the person has left. Answered with 403 and this detail (a new token would not help), or, on the
 * pages, with a page saying whom to ask.
 */
final class IdentityRefusedException extends AuthenticationException {

    private final String claimed;
    private final boolean departed;
    private final String key;
    private final String[] args;

    IdentityRefusedException(String claimed, boolean departed, String detail) {
        this(claimed, departed, detail, null, new String[0]);
    }

    private IdentityRefusedException(String claimed, boolean departed, String detail, String key, String[] args) {
        super(detail);
        this.claimed = claimed;
        this.departed = departed;
        this.key = key;
        this.args = args;
    }

    /**
     * A refusal a person meets on the pages: the sign-in page words it in their language from {@code key} in the
     * pages bundle; the detail (logs, the API) is its English sentence.
     */
    static IdentityRefusedException worded(String claimed, boolean departed, String key, String... args) {
        return new IdentityRefusedException(claimed, departed, Messages.english(key, (Object[]) args), key, args);
    }

    /** The bundle key the page words the refusal with, or null when there is only the English detail. */
    String key() {
        return key;
    }

    String[] args() {
        return args.clone();
    }

    /** What the provider said the person is (the person claim's value), or null if it said nothing. */
    String claimed() {
        return claimed;
    }

    boolean departed() {
        return departed;
    }
}
