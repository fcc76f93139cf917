package org.mandate.domain.request;

import java.util.Objects;
import java.util.UUID;

public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "request id");
    }

    public static RequestId create() {
        return new RequestId(UUID.randomUUID());
    }

    public static RequestId of(String value) {
        return new RequestId(UUID.fromString(value));
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
