package org.mandate.app.category;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.domain.binding.PathBound;
import org.mandate.domain.category.Categories;
import org.mandate.domain.category.SeedCategories;
import org.mandate.projections.binding.BindingsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upgrade refuses nothing that worked (docs/adr/0022-managed-categories.md): on a store with no category event
 * yet, the list is seeded once from the categories already in use, in requests, authority limits, committees'
 * authority, mandates and bindings. Runs before the demo loads, so a fresh demo database seeds nothing here and
 * the demo adds its own categories.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CategorySeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CategorySeeding.class);

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final BindingsReader bindings;
    private final CommandGateway commands;

    CategorySeeding(EventStore events, JdbcTemplate jdbc, BindingsReader bindings, CommandGateway commands) {
        this.events = events;
        this.jdbc = jdbc;
        this.bindings = bindings;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (events.lastSequenceNumberFor(Categories.ID).isPresent()) {
            return; // the list has a history: it is the admins' now
        }
        Set<String> inUse = inUse();
        if (inUse.isEmpty()) {
            return; // nothing to keep working; the demo, or an admin, adds the first categories
        }
        try {
            commands.sendAndWait(new SeedCategories(inUse.stream().toList()));
        } catch (RuntimeException raced) {
            // two nodes starting at once: the second's events clash with the first's in the store; the list is seeded
            if (events.lastSequenceNumberFor(Categories.ID).isPresent()) {
                return;
            }
            throw raced;
        }
        log.info("Seeded the category list from the {} categories in use: {}", inUse.size(), inUse);
    }

    Set<String> inUse() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(jdbc.queryForList("select distinct category from request_view", String.class));
        keys.addAll(jdbc.queryForList("select distinct category from directory_authority", String.class));
        keys.addAll(jdbc.queryForList("select distinct category from committee_authority", String.class));
        jdbc.queryForList("select distinct categories from mandate", String.class)
                .forEach(joined -> keys.addAll(Arrays.asList(joined.split(","))));
        bindings.current().stream().map(PathBound::category).filter(Objects::nonNull).forEach(keys::add);
        keys.remove(KnownCategories.ANY);
        keys.removeIf(String::isBlank);
        return keys;
    }
}
