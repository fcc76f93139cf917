package org.mandate.app.outage;

/** Something recorded in the event store that a read model does not show yet: 503 and "try again", never a 404. */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String message) {
        super(message);
    }
}
