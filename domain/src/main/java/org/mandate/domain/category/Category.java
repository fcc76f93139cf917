package org.mandate.domain.category;

import java.time.Instant;

/** One entry of the list: {@code retiredAt} is null while new requests may use it. */
public record Category(String key, String name, Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }
}
