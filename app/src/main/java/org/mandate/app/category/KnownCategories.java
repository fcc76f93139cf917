package org.mandate.app.category;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.category.AddCategory;
import org.mandate.domain.category.Category;
import org.mandate.domain.category.CategoryList;
import org.mandate.domain.category.CategoryPolicy;
import org.mandate.domain.category.RenameCategory;
import org.mandate.domain.category.RetireCategory;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.category.CategoriesProjection;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The check every place that takes a category makes, against the managed list (issue 25): a submission, an
 * authority limit, a mandate's scope, a binding, a directory import. Each refusal names the known categories and the
 * closest one, in the same words everywhere. {@value #ANY} stays valid where it means "every category".
 */
@Component
public class KnownCategories {

    public static final String ANY = "*";

    private final CategoriesProjection categories;
    private final CommandGateway commands;

    KnownCategories(CategoriesProjection categories, CommandGateway commands) {
        this.categories = categories;
        this.commands = commands;
    }

    public List<Category> all() {
        return categories.all();
    }

    public List<Category> active() {
        return categories.list().active();
    }

    public CategoryList list() {
        return categories.list();
    }

    /** For something new in a category (a submission): returns the key as requests store it. */
    public String requireActive(String typed) {
        String key = CategoryPolicy.normalise(typed);
        categories.list().requireActive(key);
        return key;
    }

    /**
     * For a scope or a binding: each must be active or {@value #ANY}. For an authority limit use
     * {@link #requireKnownOrAny}: a limit a person holds in a retired category may be written again as it was.
     */
    public Set<String> requireActiveOrAny(Collection<String> typed) {
        return keysOrAny(typed, CategoryList::requireActive);
    }

    public Set<String> requireKnownOrAny(Collection<String> typed) {
        return keysOrAny(typed, CategoryList::requireKnown);
    }

    /** The typed categories as keys, each but {@value #ANY} passed to the list's check, against one read of it. */
    private Set<String> keysOrAny(Collection<String> typed, BiConsumer<CategoryList, String> check) {
        CategoryList list = categories.list();
        Set<String> keys = new TreeSet<>();
        for (String category : typed) {
            String key = CategoryPolicy.normalise(category);
            if (!ANY.equals(key)) {
                check.accept(list, key);
            }
            keys.add(key);
        }
        return keys;
    }

    public Category add(String key, String name, PersonId by) {
        String normalised = CategoryPolicy.normalise(key);
        commands.sendAndWait(new AddCategory(normalised, name, by));
        return categories.list().find(normalised).orElseThrow();
    }

    public Category rename(String key, String name, PersonId by) {
        commands.sendAndWait(new RenameCategory(key, name, by));
        return categories.list().find(key).orElseThrow();
    }

    public Category retire(String key, PersonId by) {
        commands.sendAndWait(new RetireCategory(key, by));
        return categories.list().find(key).orElseThrow();
    }
}
