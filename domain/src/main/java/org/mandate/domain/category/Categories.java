package org.mandate.domain.category;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mandate.domain.Refusals;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's categories, on one stream like the path bindings: every change is checked against the whole
 * list (no two with one name), and two admins changing it at once conflict in the event store.
 */
@AggregateRoot(type = "Categories")
public class Categories {

    /** Prefixed like the other organisation-wide streams: the event store keys streams by id alone. */
    public static final String ID = "categories";

    @AggregateIdentifier
    private String id;
    private final CategoryList list = new CategoryList();

    Categories() {
        // for Axon, and as the empty list the first category starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddCategory command, Clock clock) {
        String key = command.key() == null ? null : command.key().strip();
        CategoryPolicy.checkKey(key);
        String name = CategoryPolicy.checkName(command.name());
        list.find(key).filter(Category::active).ifPresent(existing -> {
            throw Refusals.conflict("category.categories.categoryExistsAlreadyNamedRename", key, existing.name());
        });
        requireNameFree(key, name);
        apply(new CategoryAdded(key, name, command.by(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RenameCategory command, Clock clock) {
        Category category = existing(command.key());
        String name = CategoryPolicy.checkName(command.name());
        if (category.name().equals(name)) {
            return; // named so already
        }
        requireNameFree(category.key(), name);
        apply(new CategoryRenamed(category.key(), category.name(), name, command.by(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetireCategory command, Clock clock) {
        Category category = existing(command.key());
        if (!category.active()) {
            throw Refusals.conflict("category.categories.categoryWasRetiredAlreadyAdd", category.key());
        }
        apply(new CategoryRetired(category.key(), command.by(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SeedCategories command, Clock clock) {
        if (id != null) {
            return; // the list has a history: seeding is for a store that never had one
        }
        Instant now = clock.instant();
        command.keys().stream().map(String::strip).filter(key -> !key.isEmpty() && key.length() <= 64)
                .distinct().sorted()
                .forEach(key -> apply(new CategoryAdded(key, CategoryPolicy.nameFor(key), null, now)));
    }

    private Category existing(String key) {
        return list.find(key).orElseThrow(() -> Refusals.notFound("category.categories.thereIsNoCategorySee", key));
    }

    private void requireNameFree(String key, String name) {
        list.active().stream()
                .filter(other -> !other.key().equals(key) && other.name().equalsIgnoreCase(name))
                .findFirst().ifPresent(other -> {
                    throw Refusals.conflict("category.categories.categoryIsAlreadyNamedTwo",
                            other.key(), other.name());
                });
    }

    @EventSourcingHandler
    void on(CategoryAdded event) {
        id = ID;
        list.on(event);
    }

    @EventSourcingHandler
    void on(CategoryRenamed event) {
        list.on(event);
    }

    @EventSourcingHandler
    void on(CategoryRetired event) {
        list.on(event);
    }
}
