package org.mandate.domain.preference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * From now on, speak to {@code person} in {@code language} ("en", "de") and show times in {@code zone} (an IANA id
 * such as "Europe/Berlin"); null for either means "as my browser says" and "the organisation's zone".
 */
public record ChoosePreferences(PersonId person, String language, String zone) {

    @TargetAggregateIdentifier
    public String streamId() {
        return Preferences.streamId(person);
    }
}
