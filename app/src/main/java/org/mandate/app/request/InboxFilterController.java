package org.mandate.app.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mandate.app.request.SavedInboxFilters.SavedFilter;
import org.mandate.domain.inbox.InboxFilters;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own saved inbox filters; nobody sees or changes another person's. */
@RestController
@RequestMapping("/api/inbox/filters")
class InboxFilterController {

    record FilterBody(@NotBlank(message = "must name the filter") @Size(max = InboxFilters.MAX_NAME) String name,
                      @Size(max = InboxFilters.MAX_QUERY) String query) {
    }

    private final SavedInboxFilters filters;

    InboxFilterController(SavedInboxFilters filters) {
        this.filters = filters;
    }

    @GetMapping
    List<SavedFilter> mine(Authentication user) {
        return filters.of(user.getName());
    }

    @PostMapping
    SavedFilter save(@Valid @RequestBody FilterBody body, Authentication user) {
        return filters.save(user.getName(), body.name(), body.query());
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> remove(@PathVariable String name, Authentication user) {
        filters.remove(user.getName(), name);
        return ResponseEntity.noContent().build();
    }
}
