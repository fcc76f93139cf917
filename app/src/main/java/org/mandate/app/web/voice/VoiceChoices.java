package org.mandate.app.web.voice;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.preference.ChoosePreferences;
import org.mandate.domain.preference.Preferences;
import org.mandate.domain.preference.PreferencesChosen;
import org.springframework.stereotype.Component;

/**
 * A person's language and time zone, read from their own short event stream (a handful of events per person, so no
 * table), and recorded when they change them on the settings page.
 */
@Component
public class VoiceChoices {

    /** What the person chose; null for either: their browser's language, the organisation's zone. */
    public record Choice(String language, String zone) {
        static final Choice NONE = new Choice(null, null);
    }

    private final EventStore events;
    private final CommandGateway commands;

    VoiceChoices(EventStore events, CommandGateway commands) {
        this.events = events;
        this.commands = commands;
    }

    public Choice of(String person) {
        Choice[] latest = {Choice.NONE};
        events.readEvents(Preferences.streamId(PersonId.of(person))).asStream().forEach(message -> {
            if (message.getPayload() instanceof PreferencesChosen chosen) {
                latest[0] = new Choice(chosen.language(), chosen.zone());
            }
        });
        return latest[0];
    }

    public void choose(String person, String language, String zone) {
        commands.sendAndWait(new ChoosePreferences(PersonId.of(person), language, zone));
    }
}
