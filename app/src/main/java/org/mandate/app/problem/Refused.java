package org.mandate.app.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal decided in the app rather than by a domain rule, for the statuses a rule has no kind for (413 a file too
 * large, 415 a media type not accepted). The message is for the person: what was wrong and what to send instead.
 */
public class Refused extends RuntimeException {

    private final HttpStatus status;

    public Refused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
