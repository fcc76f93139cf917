package org.mandate.app.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads an uploaded file, but never more than one byte past the limit: a huge body is refused by the validator's
 * size rule without first being held in memory.
 */
final class BpmnUpload {

    private BpmnUpload() {
    }

    static byte[] read(InputStream body, int maxBytes) {
        try {
            return body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
