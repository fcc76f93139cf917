package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.request.BulkDecisions;
import org.mandate.app.request.InboxQuery;
import org.mandate.app.request.RequestReader;
import org.mandate.domain.request.Outcome;
import org.mandate.projections.request.RequestView;
import org.mandate.app.request.SavedInboxFilters;
import org.mandate.app.web.People;
import org.mandate.app.request.InboxReader;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.inbox.InboxItem;
import org.mandate.projections.request.RequestViewProjection;
import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The home page. The list of steps polls {@code /inbox/items} every few seconds and sends the steps it shows,
 * so a new step appears without a reload and a step decided elsewhere leaves with a short notice. The filter form
 * sends the inbox's query parameters ({@link InboxQuery}) by GET, so a filtered inbox has an address of its own;
 * the poll sends them too and keeps the filter.
 * <p>The inbox is paged, most urgent first, so a step that arrives while the page is open usually belongs on a later
 * page. It is shown on top of the page the person is looking at instead, marked new, for as long as that page stays
 * open: the poll sends when the page was opened ({@code since}), and every step opened after that moment and not
 * in the page's slice joins it. Nothing that arrives goes unseen, and nothing jumps away once shown.
 */
@Controller
@Page
class InboxPage {

    /** Opened a little before the page was rendered still counts as arriving: its commit may have come after. */
    private static final Duration ARRIVAL_MARGIN = Duration.ofSeconds(5);
    private static final int MOST_ARRIVALS_SHOWN = 50;

    private static final int OWN_REQUESTS_SHOWN = 20;

    private final InboxReader inbox;
    private final RequestViewProjection requests;
    private final SavedInboxFilters saved;
    private final BulkDecisions bulk;
    private final RequestReader reader;
    private final GoneStepNotice gone;
    private final Clock clock;

    InboxPage(InboxReader inbox, RequestViewProjection requests, SavedInboxFilters saved, BulkDecisions bulk,
              RequestReader reader, People people, Clock clock) {
        this.bulk = bulk;
        this.reader = reader;
        this.inbox = inbox;
        this.requests = requests;
        this.saved = saved;
        this.gone = new GoneStepNotice(requests, people);
        this.clock = clock;
    }

    @GetMapping("/")
    String page(@RequestParam Map<String, String> parameters, Authentication user, Model model,
                HttpServletResponse response) {
        InboxQuery query = query(parameters, model, response);
        Listing listing = listing(user.getName(), query, null, null);
        addListing(model, query, listing);
        model.addAttribute("since", clock.instant().minus(ARRIVAL_MARGIN).toString());
        model.addAttribute("saved", saved.of(user.getName()));
        model.addAttribute("mine", requests.requestedBy(user.getName(), OWN_REQUESTS_SHOWN));
        model.addAttribute("waitingForMe", requests.waitingFor(user.getName()));
        return "inbox/inbox";
    }

    @GetMapping("/inbox/items")
    String items(@RequestParam(name = "shown", required = false) List<String> shown,
                 @RequestParam(name = "since", required = false) String since,
                 @RequestParam Map<String, String> parameters, Authentication user, Model model,
                 HttpServletResponse response) {
        InboxQuery query = query(parameters, model, response);
        Set<String> before = shown == null ? Set.of() : Set.copyOf(shown);
        Instant opened = opened(since);
        Listing listing = listing(user.getName(), query, before, opened);
        addListing(model, query, listing);
        model.addAttribute("since", opened.toString());
        // announced once, on the poll that first shows it; marked new for as long as the page stays open
        // oldest first: the page keeps the last few notices, so the newest arrival is the one that stays on screen
        model.addAttribute("arrived", listing.rows().stream().filter(row -> !before.contains(row.key()))
                .sorted(Comparator.comparing((InboxRow row) -> row.item().openedAt())).toList());
        // a step that only moved to another page of the filter has not left
        model.addAttribute("left", before.stream().filter(key -> !listing.allKeys().contains(key)).sorted().limit(10)
                .map(key -> gone.describe(key, user.getName())).toList());
        return "inbox/inbox :: items";
    }

    @PostMapping("/inbox/filters")
    String save(@RequestParam(name = "name", required = false) String name,
                @RequestParam(name = "query", required = false) String query, Authentication user,
                RedirectAttributes redirect) {
        String canonical = query == null ? "" : query;
        try {
            canonical = saved.save(user.getName(), name == null ? "" : name, canonical).query();
            redirect.addFlashAttribute("confirmation", Messages.of("page.filter.saved", name.strip()));
        } catch (RuntimeException exception) {
            redirect.addFlashAttribute("filterError", Refusal.of(exception).message());
        }
        return "redirect:/" + (canonical.isEmpty() ? "" : "?" + canonical);
    }

    @PostMapping("/inbox/filters/removal")
    String remove(@RequestParam(name = "name") String name, Authentication user, RedirectAttributes redirect) {
        try {
            saved.remove(user.getName(), name);
            redirect.addFlashAttribute("confirmation", Messages.of("page.filter.removed", name));
        } catch (RuntimeException exception) {
            redirect.addFlashAttribute("filterError", Refusal.of(exception).message());
        }
        return "redirect:/";
    }

    /** One line of the bulk results page: the step's result with what the person recognises it by. */
    record BulkLine(BulkDecisions.ItemResult result, String title, String stepName) {
    }

    @PostMapping("/inbox/decisions")
    String decideSelected(@RequestParam(name = "item", required = false) List<String> selected,
                          @RequestParam(name = "outcome", required = false) String outcome,
                          @RequestParam(name = "rationale", required = false) String rationale,
                          Authentication user, Model model, RedirectAttributes redirect) {
        Outcome chosen = "APPROVED".equals(outcome) ? Outcome.APPROVED
                : "REJECTED".equals(outcome) ? Outcome.REJECTED : null;
        if (selected == null || selected.isEmpty() || chosen == null) {
            redirect.addFlashAttribute("bulkError", selected == null || selected.isEmpty()
                    ? Messages.of("page.bulk.select")
                    : Messages.of("page.bulk.choose"));
            return "redirect:/";
        }
        List<BulkDecisions.Item> items = selected.stream().map(key -> {
            int colon = key.indexOf(':');
            return colon < 0 ? new BulkDecisions.Item(key, null)
                    : new BulkDecisions.Item(key.substring(0, colon), key.substring(colon + 1));
        }).toList();
        List<BulkDecisions.ItemResult> results;
        try {
            results = bulk.decide(user.getName(), items, chosen,
                    rationale == null || rationale.isBlank() ? null : rationale.strip());
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("bulkError", refused.message(Messages.locale()));
            return "redirect:/";
        }
        List<BulkLine> lines = results.stream().map(result -> line(result, user)).toList();
        long decided = results.stream().filter(BulkDecisions.ItemResult::decided).count();
        String verb = Messages.of("outcome." + chosen.name());
        model.addAttribute("lines", lines);
        model.addAttribute("outcome", verb);
        model.addAttribute("summary", decided == results.size() ? Messages.of("page.bulk.all", decided, verb)
                : Messages.of("page.bulk.some", decided, verb, results.size() - decided));
        return "inbox/decisions";
    }

    /** A request the person may not read is named by its id only. */
    private BulkLine line(BulkDecisions.ItemResult result, Authentication user) {
        try {
            RequestView view = reader.readableBy(result.requestId(), user);
            String stepName = view.steps().stream().filter(step -> step.id().equals(result.stepId()))
                    .map(RequestView.StepView::name).findFirst().orElse(result.stepId());
            return new BulkLine(result, view.title(), stepName);
        } catch (RuntimeException unreadable) {
            return new BulkLine(result, "request " + result.requestId(), result.stepId());
        }
    }

    /** A value the inbox cannot read shows next to the form, and the inbox unfiltered below it. */
    private static InboxQuery query(Map<String, String> parameters, Model model, HttpServletResponse response) {
        Map<String, String> withPage = new HashMap<>(parameters);
        withPage.remove("shown");
        withPage.putIfAbsent("page", "1");
        try {
            return InboxQuery.parse(withPage);
        } catch (RuleViolation refused) {
            response.setStatus(400);
            model.addAttribute("filterError", refused.message(Messages.locale()));
            model.addAttribute("filterErrorParameter", refused.properties().get("parameter"));
            return InboxQuery.parse(Map.of("page", "1"));
        }
    }

    private record Listing(List<InboxRow> rows, Set<String> allKeys, int total) {
    }

    /** A poll without a readable {@code since} (an old page, a hand-made address) counts arrivals from now on. */
    private Instant opened(String since) {
        try {
            return since == null ? clock.instant() : Instant.parse(since);
        } catch (DateTimeParseException unreadable) {
            return clock.instant();
        }
    }

    /**
     * {@code before} is null on a full page load: nothing is new then. {@code since}, on a poll, is when the page
     * was opened: steps opened after it that are not in this page's slice are shown on top of it.
     */
    private Listing listing(String me, InboxQuery query, Set<String> before, Instant since) {
        Instant now = clock.instant();
        List<InboxItem> all = inbox.find(me, query.filter(now), query.forWhom());
        long from = (long) (query.page() - 1) * query.size();
        List<InboxItem> slice = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + query.size()));
        List<InboxItem> shown = new ArrayList<>();
        if (since != null) {
            Set<InboxItem> inSlice = Set.copyOf(slice);
            all.stream().filter(item -> !inSlice.contains(item) && !item.openedAt().isBefore(since))
                    .sorted(Comparator.comparing(InboxItem::openedAt).reversed())
                    .limit(MOST_ARRIVALS_SHOWN).forEach(shown::add);
        }
        shown.addAll(slice);
        List<InboxRow> rows = shown.stream()
                .map(item -> InboxRow.of(item, now, since != null && !item.openedAt().isBefore(since)))
                .toList();
        return new Listing(rows, all.stream().map(item -> item.requestId() + ":" + item.stepId())
                .collect(Collectors.toSet()), all.size());
    }

    private void addListing(Model model, InboxQuery query, Listing listing) {
        model.addAttribute("rows", listing.rows());
        // a step sent back shows it waits; once answered, the answer shows on top of it
        model.addAttribute("questions", requests.latestQuestions(listing.rows().stream()
                .map(row -> row.item().stepId()).toList()));
        model.addAttribute("query", query);
        model.addAttribute("total", listing.total());
        int pages = Math.max(1, (listing.total() + query.size() - 1) / query.size());
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", query.page() > 1 ? "/?" + query.queryStringWithPage(query.page() - 1)
                : null);
        model.addAttribute("nextPage", query.page() < pages ? "/?" + query.queryStringWithPage(query.page() + 1)
                : null);
        model.addAttribute("pollParameters", pollParameters(query));
    }

    /** What the poll sends besides the steps shown: the filter, its order and the page. */
    private static Map<String, String> pollParameters(InboxQuery query) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String part : query.queryStringWithPage(query.page()).split("&")) {
            int equals = part.indexOf('=');
            parameters.put(part.substring(0, equals), java.net.URLDecoder.decode(part.substring(equals + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
