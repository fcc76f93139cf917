package org.mandate.domain.mandate;

import java.util.Objects;
import java.util.UUID;

public record MandateId(UUID value) {

    public MandateId {
        Objects.requireNonNull(value, "mandate id");
    }

    public static MandateId create() {
        return new MandateId(UUID.randomUUID());
    }

    public static MandateId of(String value) {
        return new MandateId(UUID.fromString(value));
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
