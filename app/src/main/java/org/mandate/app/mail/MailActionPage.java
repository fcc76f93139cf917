package org.mandate.app.mail;

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
    private static final int RATIONALE_LENGTH = 4000;

    private final ActionLinks links;
    private final RequestReader requests;
    private final DirectoryProjection directory;
    private final People people;
    private final MailTimes times;
    private final CommandGateway commands;

    MailActionPage(ActionLinks links, RequestReader requests, DirectoryProjection directory, People people,
                   MailTimes times, CommandGateway commands) {
        this.links = links;
        this.requests = requests;
        this.directory = directory;
        this.people = people;
        this.times = times;
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
                ? "Say why you reject it: the requester will read this."
                : reason != null && reason.length() > RATIONALE_LENGTH
                ? "Your reason is " + reason.length() + " characters long; keep it under " + RATIONALE_LENGTH + "."
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
                return new Stop(410, "Link already used", "This link was used " + times.at(links.usedAt(link))
                        + "; a link decides once. Open the request from your inbox to see where it stands.")
                        .page(model, response);
            }
            // nothing was decided and the link was not used: it works again once the reason for refusing goes away
            Refusal refusal = Refusal.of(refused);
            return new Stop(refusal.status().value(), "Not decided", refusal.message() + " This link was not used "
                    + "up: it still works if the step is yours to decide again.").page(model, response);
        }
        // the request view is written in the decision's own transaction (inline): it is current already
        RequestView request = requests.find(link.requestId()).orElse(null);
        model.addAttribute("heading", "Decided");
        model.addAttribute("message", "You " + verb(link.outcome()) + " ‘" + (request == null ? "the request"
                : request.title() + "’ from " + people.name(request.requester())) + (request == null ? "’" : "")
                + ". It is recorded as decided from a mail, like any decision in your inbox.");
        return "mail/act-done";
    }

    /** The link's terms, if it may still decide; otherwise a {@link Stop} that says why not. */
    private ActionLinks.Link usable(String token, Authentication user) {
        ActionLinks.Link link;
        try {
            link = links.verify(token);
        } catch (ActionLinks.Refused refused) {
            throw new Stop(400, "Link does not work", refused.getMessage());
        } catch (RuntimeException malformed) {
            throw new Stop(400, "Link does not work", "This link is not one Mandate made. Open the request from "
                    + "your inbox instead.");
        }
        if (links.usedAt(link) != null) {
            throw new Stop(410, "Link already used", "This link was used " + times.at(links.usedAt(link))
                    + "; a link decides once. Open the request from your inbox to see where it stands.");
        }
        if (directory.find(PersonId.of(link.person())).filter(Person::active).isEmpty()) {
            throw new Stop(403, "Link no longer works", "This link was sent to " + people.name(link.person())
                    + ", who has left; their links stopped working when they left.");
        }
        if (user != null && !(user instanceof AnonymousAuthenticationToken) && !user.getName().equals(link.person())) {
            throw new Stop(403, "Not your link", "This link was sent to " + people.name(link.person())
                    + ", and you are logged in as " + people.name(user.getName()) + ". Only they can use it.");
        }
        RequestView request = requests.find(link.requestId()).orElseThrow(() -> new Stop(404, "Request not found",
                "The request this link is about cannot be shown yet. Try again in a moment."));
        RequestView.StepView step = request.steps().stream().filter(s -> s.id().equals(link.stepId())).findFirst()
                .orElseThrow(() -> new Stop(404, "Step not found", "The step this link is about is not part of "
                        + "the request any more."));
        if (step.decision() != null) {
            throw new Stop(409, "Already decided", people.name(step.decision().decidedBy()) + " already "
                    + step.decision().outcome().toLowerCase() + " this step (" + times.at(step.decision().at())
                    + "). Nothing more to do.");
        }
        if (!"OPEN".equals(step.status()) || !"IN_REVIEW".equals(request.status())) {
            throw new Stop(409, "Nothing to decide", "This request is " + request.status().toLowerCase()
                    .replace('_', ' ') + "; there is nothing left to decide on this step.");
        }
        if (!step.holders().contains(link.person())) {
            throw new Stop(409, "Moved on", "This step is no longer with " + people.name(link.person())
                    + ": it is with " + people.name(step.holders().isEmpty() ? step.assignee() : step.holders().get(0))
                    + " now. Nothing was decided.");
        }
        return link;
    }

    private void show(String token, ActionLinks.Link link, Model model) {
        model.addAttribute("token", token);
        RequestView request = requests.find(link.requestId()).orElseThrow();
        model.addAttribute("request", request);
        model.addAttribute("requester", people.name(request.requester()));
        model.addAttribute("amount", Amounts.text(request.amount(), request.currency()));
        model.addAttribute("person", people.name(link.person()));
        model.addAttribute("approve", link.outcome() == Outcome.APPROVED);
        model.addAttribute("expires", times.at(link.expires()));
        request.steps().stream().filter(s -> s.id().equals(link.stepId())).findFirst()
                .ifPresent(step -> {
                    model.addAttribute("step", step.name());
                    model.addAttribute("due", step.dueAt() == null ? null : times.at(step.dueAt()));
                });
    }

    private static String verb(Outcome outcome) {
        return outcome == Outcome.APPROVED ? "approved" : "rejected";
    }

    /** An answer page instead of the confirmation: what the link cannot do and why. */
    private static final class Stop extends RuntimeException {
        private final int status;
        private final String heading;

        Stop(int status, String heading, String message) {
            super(message, null, false, false);
            this.status = status;
            this.heading = heading;
        }

        String page(Model model, HttpServletResponse response) {
            response.setStatus(status);
            model.addAttribute("heading", heading);
            model.addAttribute("message", getMessage());
            return "mail/act-done";
        }
    }
}
