package org.mandate.domain.inbox;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;
import org.mandate.domain.directory.PersonId;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One person's saved inbox filters: at most {@value #MAX_FILTERS}, each with a name of its own. */
@AggregateRoot(type = "InboxFilters")
public class InboxFilters {

    public static final int MAX_FILTERS = 20;
    public static final int MAX_NAME = 60;
    public static final int MAX_QUERY = 1_000;

    @AggregateIdentifier
    private String id;
    private final Map<String, String> filters = new LinkedHashMap<>();

    InboxFilters() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SaveInboxFilter command, Clock clock) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw Refusals.invalid("inbox.inboxFilters.aSavedFilterNeedsA", MAX_NAME);
        }
        if (command.query() == null || command.query().length() > MAX_QUERY) {
            throw Refusals.invalid("inbox.inboxFilters.aSavedFilterSQuery", MAX_QUERY);
        }
        boolean replaced = filters.containsKey(name);
        if (!replaced && filters.size() >= MAX_FILTERS) {
            throw Refusals.conflict("inbox.inboxFilters.youAlreadyKeepSavedFilters", MAX_FILTERS, name);
        }
        if (replaced && filters.get(name).equals(command.query())) {
            return; // saved already, exactly so
        }
        apply(new InboxFilterSaved(command.person(), name, command.query(), replaced, clock.instant()));
    }

    @CommandHandler
    void handle(RemoveInboxFilter command, Clock clock) {
        if (!filters.containsKey(command.name())) {
            throw Refusals.notFound("inbox.inboxFilters.youHaveNoSavedFilter", command.name());
        }
        apply(new InboxFilterRemoved(command.person(), command.name(), clock.instant()));
    }

    /** Prefixed: the event store keys streams by id alone, and a person's own stream is keyed by their id. */
    public static String streamId(PersonId person) {
        return "inbox-filters:" + person.value();
    }

    @EventSourcingHandler
    void on(InboxFilterSaved event) {
        id = streamId(event.by());
        filters.put(event.name(), event.query());
    }

    @EventSourcingHandler
    void on(InboxFilterRemoved event) {
        filters.remove(event.name());
    }
}
