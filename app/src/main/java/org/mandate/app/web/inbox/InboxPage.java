package org.mandate.app.web.inbox;

import org.mandate.app.web.People;
import org.mandate.app.request.InboxReader;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The home page. The list of steps polls {@code /inbox/items} every few seconds and sends the steps it shows,
 * so a new step appears without a reload and a step decided elsewhere leaves with a short notice.
 */
@Controller
class InboxPage {

    private static final int OWN_REQUESTS_SHOWN = 20;

    private final InboxReader inbox;
    private final RequestViewProjection requests;
    private final GoneStepNotice gone;
    private final Clock clock;

    InboxPage(InboxReader inbox, RequestViewProjection requests, People people, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.gone = new GoneStepNotice(requests, people);
        this.clock = clock;
    }

    @GetMapping("/")
    String page(Authentication user, Model model) {
        model.addAttribute("rows", rows(user.getName(), null));
        model.addAttribute("mine", requests.requestedBy(user.getName(), OWN_REQUESTS_SHOWN));
        return "inbox/inbox";
    }

    @GetMapping("/inbox/items")
    String items(@RequestParam(name = "shown", required = false) List<String> shown, Authentication user,
                 Model model) {
        Set<String> before = shown == null ? Set.of() : Set.copyOf(shown);
        List<InboxRow> rows = rows(user.getName(), before);
        Set<String> now = rows.stream().map(InboxRow::key).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("rows", rows);
        model.addAttribute("arrived", rows.stream().filter(InboxRow::fresh).toList());
        model.addAttribute("left", before.stream().filter(key -> !now.contains(key)).sorted().limit(10)
                .map(key -> gone.describe(key, user.getName())).toList());
        return "inbox/inbox :: items";
    }

    /** {@code before} is null on a full page load: nothing is new then. */
    private List<InboxRow> rows(String me, Set<String> before) {
        Instant now = clock.instant();
        return inbox.of(me).stream()
                .map(item -> InboxRow.of(item, now,
                        before != null && !before.contains(item.requestId() + ":" + item.stepId())))
                .sorted(InboxRow.URGENT_FIRST)
                .toList();
    }
}
