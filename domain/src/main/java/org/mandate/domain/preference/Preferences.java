package org.mandate.domain.preference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One person's language and time zone. A choice equal to the current one records nothing. */
@AggregateRoot(type = "Preferences")
public class Preferences {

    /** The languages Mandate's pages are written in; the first is the one for everybody else. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    @AggregateIdentifier
    private String id;
    private String language;
    private String zone;

    Preferences() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChoosePreferences command, Clock clock) {
        String wantedLanguage = blankToNull(command.language());
        String wantedZone = blankToNull(command.zone());
        if (wantedLanguage != null && !LANGUAGES.contains(wantedLanguage)) {
            throw Refusals.invalid("preference.preferences.mandateSpeaksChooseOneOf", LANGUAGES.get(0),
                    LANGUAGES.get(1));
        }
        if (wantedZone != null && !ZoneId.getAvailableZoneIds().contains(wantedZone)) {
            throw Refusals.invalid("preference.preferences.isNotATimeZone", wantedZone);
        }
        if (id != null && Objects.equals(language, wantedLanguage) && Objects.equals(zone, wantedZone)) {
            return; // chosen already, exactly so
        }
        apply(new PreferencesChosen(command.person(), wantedLanguage, wantedZone, clock.instant()));
    }

    /** Prefixed: the event store keys streams by id alone, and a person's own stream is keyed by their id. */
    public static String streamId(PersonId person) {
        return "preferences:" + person.value();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(PreferencesChosen event) {
        id = streamId(event.person());
        language = event.language();
        zone = event.zone();
    }
}
