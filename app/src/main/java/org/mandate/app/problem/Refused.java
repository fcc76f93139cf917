package org.mandate.app.problem;

import org.mandate.app.web.voice.Messages;
import org.springframework.http.HttpStatus;

/**
 * A refusal decided in the app rather than by a domain rule, for the statuses a rule has no kind for (413 a file too
 * large, 415 a media type not accepted). The message is for the person: what was wrong and what to send instead,
 * from the app's bundles ({@link #of}) so that it is given in the person's language; {@link #getMessage()} is English.
 */
public class Refused extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final Object[] args;

    /** A refusal worded as written, in every language. */
    public Refused(HttpStatus status, String message) {
        super(message);
        this.status = status;
        this.key = null;
        this.args = new Object[0];
    }

    private Refused(HttpStatus status, String key, Object[] args) {
        super(Messages.english(key, args));
        this.status = status;
        this.key = key;
        this.args = args.clone();
    }

    /** The refusal under {@code key} in the app's bundles (arguments as MessageFormat takes them). */
    public static Refused of(HttpStatus status, String key, Object... args) {
        return new Refused(status, key, args);
    }

    public HttpStatus status() {
        return status;
    }

    /** The sentence in the language of the page or of the API's caller (see {@link Messages#locale()}). */
    public String message() {
        return key == null ? getMessage() : Messages.of(key, args);
    }
}
