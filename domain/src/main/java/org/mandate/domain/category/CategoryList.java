package org.mandate.domain.category;

import org.mandate.domain.Refusals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The list as its events leave it; the aggregate folds it, and so can any reader. Also the one place that says what
 * is wrong with a category someone typed, so every entry point refuses it in the same words.
 */
public final class CategoryList {

    private final Map<String, Category> byKey = new TreeMap<>();

    public CategoryList() {
    }

    public CategoryList(Collection<Category> categories) {
        categories.forEach(category -> byKey.put(category.key(), category));
    }

    public void on(CategoryAdded event) {
        byKey.put(event.key(), new Category(event.key(), event.name(), null));
    }

    public void on(CategoryRenamed event) {
        byKey.computeIfPresent(event.key(), (key, old) -> new Category(key, event.name(), old.retiredAt()));
    }

    public void on(CategoryRetired event) {
        byKey.computeIfPresent(event.key(), (key, old) -> new Category(key, old.name(), event.at()));
    }

    public Optional<Category> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** By key, retired ones included. */
    public List<Category> all() {
        return List.copyOf(byKey.values());
    }

    public List<Category> active() {
        return byKey.values().stream().filter(Category::active).toList();
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** For something new in {@code key} (a submission, a mandate, a binding): it must be on the list and active. */
    public void requireActive(String key) {
        Category category = requireKnown(key);
        if (!category.active()) {
            throw Refusals.invalid("category.categoryList.categoryWasRetiredNothingNew", key, activeKeys())
                    .with("known", activeKeyList());
        }
    }

    /** For what may keep a retired category (an authority limit a person already holds): it must be on the list. */
    public Category requireKnown(String key) {
        Category category = byKey.get(key);
        if (category != null) {
            return category;
        }
        if (byKey.values().stream().noneMatch(Category::active)) {
            throw Refusals.invalid("category.categoryList.unknownCategoryNoCategoryIs", key);
        }
        Object suggestion = Spelling.closest(key, activeKeyList())
                .<Object>map(closest -> Refusals.phrase("category.categoryList.didYouMean", closest)).orElse("");
        throw Refusals.invalid("category.categoryList.unknownCategoryKnownAnAdmin", key, activeKeys(), suggestion)
                .with("known", activeKeyList());
    }

    private List<String> activeKeyList() {
        return active().stream().map(Category::key).toList();
    }

    private String activeKeys() {
        return activeKeyList().stream().collect(Collectors.joining(", "));
    }
}
