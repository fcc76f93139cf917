package org.mandate.app.request;

import org.mandate.projections.inbox.InboxItem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the caller may decide now (see {@link InboxReader}), narrowed, sorted and paged by the query parameters of
 * {@link InboxQuery} (docs/api.md lists them). The answer stays a plain list; {@code X-Total-Count} says how many
 * steps match in all, so a client knows how many pages there are.
 */
@RestController
class InboxController {

    private final InboxReader inbox;
    private final Clock clock;

    InboxController(InboxReader inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/api/inbox")
    ResponseEntity<List<InboxItem>> inbox(@RequestParam Map<String, String> parameters, Authentication user) {
        InboxQuery query = InboxQuery.parse(parameters);
        List<InboxItem> all = inbox.find(user.getName(), query.filter(clock.instant()), query.forWhom());
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size())).body(page(all, query));
    }

    static <T> List<T> page(List<T> all, InboxQuery query) {
        if (query.size() == null) {
            return all;
        }
        long from = (long) (query.page() - 1) * query.size();
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + query.size()));
    }
}
