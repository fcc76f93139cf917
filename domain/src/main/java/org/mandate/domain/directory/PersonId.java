package org.mandate.domain.directory;

import java.util.Objects;

/** A person's login name, e.g. {@code ana}. */
public record PersonId(String value) {

    public PersonId {
        Objects.requireNonNull(value, "person id");
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
