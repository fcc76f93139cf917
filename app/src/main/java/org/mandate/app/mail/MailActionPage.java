package org.mandate.app.mail;

import org.mandate.app.web.Moments;
import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.Refusal;
import org.mandate.app.request.RequestReader;
import org.mandate.app.web.People;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.StepId;
import org.mandate.projections.directory.DirectoryProjection;
import org.mandate.projections.request.RequestView;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;

/**
 * Deciding from a mail. The link is the person's authority for this one decision (signed, single-use, expiring,
 * bound to them, the step and the outcome), so it works without logging in. Opening it (GET) only shows what it
 * would do: link scanners and mail previews open links, and must never decide. The POST from that page decides
 * through the same command, rules and events as the inbox, marked "decided from a mail" in the event's metadata.
 */
@Controller
@RequestMapping("/mail/act/{token}")
class MailActionPage {

    static final String CHANNEL = "decidedFrom";
    static final String LINK = "mailLink";
    private static final int RATIONALE_LENGTH = DecideStep.MAX_RATIONALE;

    private final ActionLinks links;
    private final RequestReader requests;
    private final DirectoryProjection directory;
    private final People people;
    private final CommandGateway commands;

    MailActionPage(ActionLinks links, RequestReader requests, DirectoryProjection directory, People people,
                   CommandGateway commands) {
        this.links = links;
        this.requests = requests;
        this.directory = directory;
        this.people = people;
        this.commands = commands;
    }

    @GetMapping
    String confirm(@PathVariable String token, Authentication user, Model model, HttpServletResponse response) {
        try {
            ActionLinks.Link link = usable(token, user);
            show(token, link, model);
            return "mail/act";
        } catch (Stop stop) {
            return stop.page(model, response);
        }
    }

    @PostMapping
    String decide(@PathVariable String token, @RequestParam(name = "rationale", required = false) String rationale,
                  Authentication user, Model model, HttpServletResponse response) {
        ActionLinks.Link link;
        try {
            link = usable(token, user);
        } catch (Stop stop) {
            return stop.page(model, response);
        }
        String reason = rationale == null || rationale.isBlank() ? null : rationale.strip();
        String fieldError = reason == null && link.outcome() == Outcome.REJECTED
                ? Messages.of("mailact.why.missing")
                : reason != null && reason.length() > RATIONALE_LENGTH
                ? Messages.of("mailact.why.long", String.valueOf(reason.length()), String.valueOf(RATIONALE_LENGTH))
                : null;
        if (fieldError != null) {
            show(token, link, model);
            model.addAttribute("rationale", rationale);
            model.addAttribute("rationaleError", fieldError);
            response.setStatus(400);
            return "mail/act";
        }
        try {
            // the link's use is recorded by the decision's own transaction (MailLinkUses): both or neither
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DecideStep(
                    new RequestId(UUID.fromString(link.requestId())), new StepId(link.stepId()),
                    PersonId.of(link.person()), link.outcome(), reason)).andMetaData(Map.of(CHANNEL, "mail",
                    LINK, link.id())));
        } catch (RuntimeException refused) {
            if (links.usedAt(link) != null) {
                // another click on the same link (another tab, another node) decided first
                return new Stop(410, "mailact.used", Messages.of("mailact.used.text",
                        Moments.when(links.usedAt(link)))).page(model, response);
            }
            // nothing was decided and the link was not used: it works again once the reason for refusing goes away
            Refusal refusal = Refusal.of(refused);
            return new Stop(refusal.status().value(), "mailact.notDecided", refusal.message() + " "
                    + Messages.of("mailact.notDecided.text")).page(model, response);
        }
        // the request view is written in the decision's own transaction (inline): it is current already
        RequestView request = requests.find(link.requestId()).orElse(null);
        model.addAttribute("heading", Messages.of("mailact.decided"));
        model.addAttribute("message", (request == null
                ? Messages.of("mailact.decided.text." + link.outcome().name())
                : Messages.of("page.decided." + link.outcome().name(), request.title(), people.name(request.requester())))
                + " " + Messages.of("mailact.decided.fromMail"));
        return "mail/act-done";
    }

    /** The link's terms, if it may still decide; otherwise a {@link Stop} that says why not. */
    private ActionLinks.Link usable(String token, Authentication user) {
        ActionLinks.Link link;
        try {
            link = links.verify(token);
        } catch (ActionLinks.Refused refused) {
            throw new Stop(400, "mailact.broken", refused.message());
        } catch (RuntimeException malformed) {
            throw new Stop(400, "mailact.broken", Messages.of("mailact.broken.text"));
        }
        if (links.usedAt(link) != null) {
            throw new Stop(410, "mailact.used", Messages.of("mailact.used.text", Moments.when(links.usedAt(link))));
        }
        if (directory.find(PersonId.of(link.person())).filter(Person::active).isEmpty()) {
            throw new Stop(403, "mailact.gone", Messages.of("mailact.gone.text", people.name(link.person())));
        }
        if (user != null && !(user instanceof AnonymousAuthenticationToken) && !user.getName().equals(link.person())) {
            throw new Stop(403, "mailact.notYours", Messages.of("mailact.notYours.text", people.name(link.person()),
                    people.name(user.getName())));
        }
        RequestView request = requests.find(link.requestId()).orElseThrow(() -> new Stop(404, "mailact.noRequest",
                Messages.of("mailact.noRequest.text")));
        RequestView.StepView step = request.steps().stream().filter(s -> s.id().equals(link.stepId())).findFirst()
                .orElseThrow(() -> new Stop(404, "mailact.noStep",
                        Messages.of("mailact.noStep.text")));
        if (step.decision() != null) {
            throw new Stop(409, "mailact.already", Messages.of("mailact.already.text." + step.decision().outcome(),
                    people.name(step.decision().decidedBy()), Moments.when(step.decision().at())));
        }
        if (!"OPEN".equals(step.status()) || !"IN_REVIEW".equals(request.status())) {
            throw new Stop(409, "mailact.nothing", Messages.of("mailact.nothing.text",
                    Messages.of("status." + request.status())));
        }
        if (!step.holders().contains(link.person())) {
            throw new Stop(409, "mailact.moved", Messages.of("mailact.moved.text", people.name(link.person()),
                    people.name(step.holders().isEmpty() ? step.assignee() : step.holders().get(0))));
        }
        return link;
    }

    private void show(String token, ActionLinks.Link link, Model model) {
        model.addAttribute("token", token);
        RequestView request = requests.find(link.requestId()).orElseThrow();
        model.addAttribute("request", request);
        model.addAttribute("requester", people.name(request.requester()));
        model.addAttribute("amount", org.mandate.app.web.voice.Amounts.format(request.amount(), request.currency(),
                Messages.locale()));
        model.addAttribute("person", people.name(link.person()));
        model.addAttribute("approve", link.outcome() == Outcome.APPROVED);
        model.addAttribute("expires", Moments.when(link.expires()));
        request.steps().stream().filter(s -> s.id().equals(link.stepId())).findFirst()
                .ifPresent(step -> {
                    model.addAttribute("step", step.name());
                    model.addAttribute("due", step.dueAt() == null ? null : Moments.when(step.dueAt()));
                });
    }

    private static String verb(Outcome outcome) {
        return outcome == Outcome.APPROVED ? "approved" : "rejected";
    }

    /** An answer page instead of the confirmation: what the link cannot do and why. */
    private static final class Stop extends RuntimeException {
        private final int status;
        private final String heading;

        /** {@code heading} is a key of the bundles, {@code message} a sentence in the page's language. */
        Stop(int status, String heading, String message) {
            super(message, null, false, false);
            this.status = status;
            this.heading = heading;
        }

        String page(Model model, HttpServletResponse response) {
            response.setStatus(status);
            model.addAttribute("heading", Messages.of(heading));
            model.addAttribute("message", getMessage());
            return "mail/act-done";
        }
    }
}
