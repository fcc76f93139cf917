package org.mandate.app.outage;

/**
 * A read model cannot take a change now: an inline one is being rebuilt and the command waited at its gate longer
 * than allowed (InlineGate). 503 and "try again"; the command was rolled back.
 */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String message) {
        super(message);
    }
}
