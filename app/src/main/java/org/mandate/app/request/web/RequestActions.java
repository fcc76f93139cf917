package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.request.RequestReader;
import org.mandate.app.request.Requests;
import org.mandate.app.web.Moments;
import org.mandate.app.web.People;
import org.mandate.app.problem.Refusal;
import org.mandate.domain.request.DecideStep;
import org.mandate.domain.request.Outcome;
import org.mandate.projections.request.RequestView;
import org.mandate.app.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decide and withdraw from the request page, through the same commands as the API. A refused action shows the
 * page again with the person's input and the reason next to the field; a done one is confirmed in words.
 */
@Controller
@Page
class RequestActions {

    private static final int RATIONALE_LENGTH = DecideStep.MAX_RATIONALE;

    private final Requests requests;
    private final RequestReader reader;
    private final RequestPageModel page;
    private final People people;

    RequestActions(Requests requests, RequestReader reader, RequestPageModel page, People people) {
        this.requests = requests;
        this.reader = reader;
        this.page = page;
        this.people = people;
    }

    @PostMapping("/requests/{id}/steps/{stepId}/decision")
    String decide(@PathVariable UUID id, @PathVariable String stepId, @ModelAttribute("decision") DecisionForm form,
                  Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Outcome outcome = outcome(form.getOutcome());
        if (outcome == null) {
            return again(id, user, model, response, 400, "outcome", Messages.of("page.outcome.choose"));
        }
        if (form.getRationale() != null && form.getRationale().length() > RATIONALE_LENGTH) {
            return again(id, user, model, response, 400, "rationale", Messages.of("page.rationale.long",
                    String.valueOf(form.getRationale().length()), String.valueOf(RATIONALE_LENGTH)));
        }
        try {
            requests.decide(id, stepId, user.getName(), outcome, form.getRationale());
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            String decidedElsewhere = decidedElsewhere(id, stepId, user);
            if (decidedElsewhere != null) {
                // the step was decided in another window or by someone else: say who and what, keep what was typed
                model.addAttribute("decidedElsewhere", decidedElsewhere);
                model.addAttribute("unsent", form);
                return again(id, user, model, response, HttpStatus.CONFLICT.value(), "decision", decidedElsewhere);
            }
            return again(id, user, model, response, refusal.status().value(),
                    refusal.invalidInput() ? "rationale" : "decision", refusal.message());
        }
        RequestView request = reader.readableBy(id.toString(), user);
        boolean vote = request.steps().stream().anyMatch(step -> step.id().equals(stepId) && step.vote() != null);
        redirect.addFlashAttribute("confirmation", Messages.of((vote ? "page.voted." : "page.decided.") + outcome.name(),
                request.title(), people.name(request.requester())) + " " + whatNext(request));
        return "redirect:/";
    }

    @PostMapping("/requests/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason,
                    Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            requests.withdraw(id, user.getName(), reason);
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            model.addAttribute("withdrawReason", reason);
            return again(id, user, model, response, refusal.status().value(), "withdrawal", refusal.message());
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.withdrawn"));
        return "redirect:/requests/" + id;
    }

    /** "Sofia Reyes already approved this step (29 Nov 2026, 14:05 UTC): …", or null while it is still open. */
    private String decidedElsewhere(UUID id, String stepId, Authentication user) {
        return reader.readableBy(id.toString(), user).steps().stream()
                .filter(step -> step.id().equals(stepId) && step.decision() != null)
                .findFirst()
                .map(step -> step.vote() != null
                        ? Messages.of("page.elsewhere.vote." + step.decision().outcome(),
                        Moments.when(step.decision().at()))
                        : step.decision().rationale() == null || step.decision().rationale().isBlank()
                        ? Messages.of("page.elsewhere." + step.decision().outcome(),
                        people.name(step.decision().decidedBy()), Moments.when(step.decision().at()))
                        : Messages.of("page.elsewhere.why." + step.decision().outcome(),
                        people.name(step.decision().decidedBy()), Moments.when(step.decision().at()),
                        step.decision().rationale()))
                .orElse(null);
    }

    private String again(UUID id, Authentication user, Model model, HttpServletResponse response, int status,
                         String field, String message) {
        response.setStatus(status);
        page.fill(id.toString(), user, model, Map.of(field, message));
        return "request/request";
    }

    private String whatNext(RequestView request) {
        return switch (request.status()) {
            case "APPROVED" -> Messages.of("page.next.approved", people.name(request.requester()));
            case "REJECTED" -> Messages.of("page.next.rejected", people.name(request.requester()));
            default -> RequestPageModel.openSteps(request).findFirst()
                    .map(step -> step.vote() != null
                            ? (step.vote().stillToVote().isEmpty()
                            ? Messages.of("page.next.vote", step.vote().approvals(), step.vote().needed())
                            : Messages.of("page.next.vote.still", step.vote().approvals(), step.vote().needed(),
                            step.vote().stillToVote().stream().map(people::name).collect(Collectors.joining(", "))))
                            : Messages.of("page.next.step", people.name(step.assignee()), step.name()))
                    .orElse("");
        };
    }

    private static Outcome outcome(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Outcome.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
