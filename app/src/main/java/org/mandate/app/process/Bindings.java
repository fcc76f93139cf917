package org.mandate.app.process;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.category.KnownCategories;
import org.mandate.domain.binding.PathBound;
import org.mandate.domain.binding.UnbindPath;
import org.mandate.domain.directory.PersonId;
import org.mandate.processes.binding.PathBinder;
import org.mandate.projections.binding.BindingsReader;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Bindings as the API and the pages show and change them; the category is spelled as requests spell it. */
@Component
class Bindings {

    /** {@code category} null: any category; a null bound is open. {@code boundBy} null: bound at first start. */
    record BindingView(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount,
                       String boundBy, Instant boundAt) {

        static BindingView of(PathBound bound) {
            return new BindingView(bound.processKey(), bound.category(), bound.minAmount(), bound.maxAmount(),
                    bound.boundBy() == null ? null : bound.boundBy().value(), bound.boundAt());
        }
    }

    private final BindingsReader reader;
    private final PathBinder binder;
    private final CommandGateway commands;
    private final KnownCategories categories;

    Bindings(BindingsReader reader, PathBinder binder, CommandGateway commands, KnownCategories categories) {
        this.categories = categories;
        this.reader = reader;
        this.binder = binder;
        this.commands = commands;
    }

    List<BindingView> list() {
        return reader.current().stream().map(BindingView::of).toList();
    }

    void bind(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount, PersonId by) {
        String key = category(category);
        if (key != null) {
            categories.requireActive(key); // a binding to a category no request can carry would never be used
        }
        binder.bind(processKey == null ? null : processKey.strip(), key, minAmount, maxAmount, by);
    }

    void unbind(String category, BigDecimal minAmount, BigDecimal maxAmount, PersonId by) {
        commands.sendAndWait(new UnbindPath(category(category), minAmount, maxAmount, by));
    }

    /** Blank or '*' means any category; otherwise lower case, as a submission stores it. */
    static String category(String category) {
        if (category == null || category.isBlank() || category.strip().equals("*")) {
            return null;
        }
        return category.strip().toLowerCase(Locale.ROOT);
    }
}
