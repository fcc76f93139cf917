package org.mandate.domain.preference;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** {@code language} or {@code zone} null: the person follows their browser's language, the organisation's zone. */
public record PreferencesChosen(PersonId person, String language, String zone, Instant at) {
}
