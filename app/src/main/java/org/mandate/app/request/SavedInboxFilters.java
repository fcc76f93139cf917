package org.mandate.app.request;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.inbox.InboxFilterRemoved;
import org.mandate.domain.inbox.InboxFilterSaved;
import org.mandate.domain.inbox.InboxFilters;
import org.mandate.domain.inbox.RemoveInboxFilter;
import org.mandate.domain.inbox.SaveInboxFilter;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's saved inbox filters, read from their own short event stream (a handful of events per person, so no
 * table), and saved after their query has been checked the way the inbox reads it.
 */
@Component
public class SavedInboxFilters {

    /** {@code query} is a query string for {@code /api/inbox} or the inbox page, without paging. */
    public record SavedFilter(String name, String query) {
    }

    private final EventStore events;
    private final CommandGateway commands;

    SavedInboxFilters(EventStore events, CommandGateway commands) {
        this.events = events;
        this.commands = commands;
    }

    /** In the order they were first saved. */
    public List<SavedFilter> of(String person) {
        Map<String, String> filters = new LinkedHashMap<>();
        events.readEvents(InboxFilters.streamId(PersonId.of(person))).asStream().forEach(message -> {
            if (message.getPayload() instanceof InboxFilterSaved saved) {
                filters.put(saved.name(), saved.query());
            } else if (message.getPayload() instanceof InboxFilterRemoved removed) {
                filters.remove(removed.name());
            }
        });
        return filters.entrySet().stream().map(e -> new SavedFilter(e.getKey(), e.getValue())).toList();
    }

    /** Refuses a query the inbox would refuse; keeps it in its canonical form, paging left out. */
    public SavedFilter save(String person, String name, String query) {
        String canonical = InboxQuery.parse(query == null ? "" : query.strip()).queryString();
        commands.sendAndWait(new SaveInboxFilter(PersonId.of(person), name, canonical));
        return new SavedFilter(name.strip(), canonical);
    }

    public void remove(String person, String name) {
        if (of(person).stream().noneMatch(filter -> filter.name().equals(name))) {
            throw AppRefusals.notFound("refusal.filter.none", name);
        }
        commands.sendAndWait(new RemoveInboxFilter(PersonId.of(person), name));
    }
}
