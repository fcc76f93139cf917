package org.mandate.app.request;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.mandate.projections.inbox.InboxItem;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;
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
    private final RequestViewProjection requests;
    private final Clock clock;

    InboxController(InboxReader inbox, RequestViewProjection requests, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/api/inbox")
    @Parameters({
            @Parameter(name = "category", in = ParameterIn.QUERY, description = "only requests in this category"),
            @Parameter(name = "requester", in = ParameterIn.QUERY, description = "only requests by this person id"),
            @Parameter(name = "minAmount", in = ParameterIn.QUERY, description = "amount at least this "
                    + "(a number >= 0)"),
            @Parameter(name = "maxAmount", in = ParameterIn.QUERY, description = "amount at most this (a number >= 0)"),
            @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true: past the deadline "
                    + "now; false: not (a step waiting for its requester's answer never is: its clock stands still)",
                    schema = @Schema(allowableValues = {"true", "false"})),
            @Parameter(name = "dueBefore", in = ParameterIn.QUERY,
                    description = "deadline before this instant (2026-12-31T17:00:00Z) or day (2026-12-31, UTC)"),
            @Parameter(name = "for", in = ParameterIn.QUERY, description = "own, under a mandate, or lent to you",
                    schema = @Schema(allowableValues = {"own", "mandate", "lent"})),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "text in the request's title, any case"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "order; a leading - reverses it "
                    + "(default: overdue first, then the longest waiting)",
                    schema = @Schema(allowableValues = {"due", "-due", "age", "-age", "amount", "-amount"})),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "page number from 1",
                    schema = @Schema(type = "integer", minimum = "1")),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "steps per page, 1 to 200 (50 by default "
                    + "once page or size is given; without both, the whole inbox)",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "200"))})
    ResponseEntity<List<InboxItem>> inbox(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                          Authentication user) {
        InboxQuery query = InboxQuery.parse(parameters);
        List<InboxItem> all = inbox.find(user.getName(), query.filter(clock.instant()), query.forWhom());
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size()))
                .body(withQuestions(page(all, query)));
    }

    /** A step that waits for its requester's answer carries the question, as the inbox page shows it. */
    private List<InboxItem> withQuestions(List<InboxItem> items) {
        List<String> waiting = items.stream().filter(InboxItem::waitingForAnswer).map(InboxItem::stepId).toList();
        if (waiting.isEmpty()) {
            return items;
        }
        Map<String, RequestView.Question> questions = requests.latestQuestions(waiting);
        return items.stream().map(item -> !item.waitingForAnswer() || !questions.containsKey(item.stepId()) ? item
                : item.asking(questions.get(item.stepId()).question())).toList();
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
