package org.mandate.projections.category;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.category.Category;
import org.mandate.domain.category.CategoryAdded;
import org.mandate.domain.category.CategoryList;
import org.mandate.domain.category.CategoryRenamed;
import org.mandate.domain.category.CategoryRetired;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The categories. Subscribing (application.yaml): a category an admin just added is accepted by the very next
 * submission, on every node, and one just retired is refused by it.
 */
@ProcessingGroup(CategoriesProjection.NAME)
public class CategoriesProjection {

    public static final String NAME = "categories";

    private final JdbcTemplate jdbc;

    public CategoriesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CategoryAdded event) {
        // adding a retired key again brings it back under its new name
        jdbc.update("delete from request_category where category_key = ?", event.key());
        jdbc.update("insert into request_category (category_key, name, added_at) values (?, ?, ?)",
                event.key(), event.name(), Rows.timestamp(event.at()));
    }

    @EventHandler
    void on(CategoryRenamed event) {
        jdbc.update("update request_category set name = ? where category_key = ?", event.name(), event.key());
    }

    @EventHandler
    void on(CategoryRetired event) {
        jdbc.update("update request_category set retired_at = ? where category_key = ?",
                Rows.timestamp(event.at()), event.key());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from request_category");
    }

    /** Every category, retired ones included, by key. */
    public List<Category> all() {
        return jdbc.query("select category_key, name, retired_at from request_category order by category_key",
                (row, n) -> new Category(row.getString("category_key"), row.getString("name"),
                        Rows.instant(row, "retired_at")));
    }

    /** The list as the domain checks it: one query, then the same words for every refusal. */
    public CategoryList list() {
        return new CategoryList(all());
    }
}
