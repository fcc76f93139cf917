package org.mandate.app.publishing;

/** The broker did not take an event; the tracking processor keeps its position and tries again after a pause. */
public class PublishingFailed extends RuntimeException {

    public PublishingFailed(String message) {
        super(message);
    }

    public PublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
