package org.mandate.app.category;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mandate.domain.category.Category;
import org.mandate.domain.directory.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The managed list of categories (docs/admin.md, "Categories"): everyone logged in reads it (the submit form offers
 * it, scripts check against it); administrators add, rename and retire.
 */
@RestController
@RequestMapping("/api/categories")
class CategoryController {

    record AddBody(@NotBlank @Size(max = 64) String key, @NotBlank @Size(max = 60) String name) {
    }

    record RenameBody(@NotBlank @Size(max = 60) String name) {
    }

    /** {@code active}: new requests may use it; {@code retiredAt} says since when they may not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CategoryView(String key, String name, boolean active, Instant retiredAt) {

        static CategoryView of(Category category) {
            return new CategoryView(category.key(), category.name(), category.active(), category.retiredAt());
        }
    }

    private final KnownCategories categories;

    CategoryController(KnownCategories categories) {
        this.categories = categories;
    }

    /** By key, retired ones included (they still name older requests). */
    @GetMapping
    List<CategoryView> categories() {
        return categories.all().stream().map(CategoryView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CategoryView> addCategory(@Valid @RequestBody AddBody body, Authentication admin) {
        Category added = categories.add(body.key(), body.name(), PersonId.of(admin.getName()));
        return ResponseEntity.created(URI.create("/api/categories/" + added.key())).body(CategoryView.of(added));
    }

    /** Only the name changes: the key is what requests, limits, mandates and bindings carry. */
    @PutMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    CategoryView renameCategory(@PathVariable String key, @Valid @RequestBody RenameBody body, Authentication admin) {
        return CategoryView.of(categories.rename(key, body.name(), PersonId.of(admin.getName())));
    }

    /** Requests already in it keep it; new submissions, mandates and bindings refuse it. */
    @PostMapping("/{key}/retirement")
    @PreAuthorize("hasRole('ADMIN')")
    CategoryView retireCategory(@PathVariable String key, Authentication admin) {
        return CategoryView.of(categories.retire(key, PersonId.of(admin.getName())));
    }
}
