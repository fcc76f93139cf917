package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.request.RequestReader;
import org.mandate.app.request.Requests;
import org.mandate.app.web.People;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * Moving a step from the request page: lend it to a colleague, take it back, or escalate it one level up; the
 * same commands as the API. The step leaves the person's inbox, so a done move lands back in the inbox with a
 * confirmation that says where the step went.
 */
@Controller
@Page
class StepMoves {

    private final Requests requests;
    private final RequestReader reader;
    private final RequestPageModel page;
    private final People people;

    StepMoves(Requests requests, RequestReader reader, RequestPageModel page, People people) {
        this.requests = requests;
        this.reader = reader;
        this.page = page;
        this.people = people;
    }

    @PostMapping("/requests/{id}/steps/{stepId}/delegation")
    String delegate(@PathVariable UUID id, @PathVariable String stepId,
                    @RequestParam(name = "to", required = false) String to,
                    @RequestParam(name = "note", required = false) String note, Authentication user, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("delegateTo", to);
        model.addAttribute("delegateNote", note);
        if (to == null || to.isBlank()) {
            return again(id, user, model, response, 400, "to", Messages.of("page.delegate.choose"));
        }
        return send(id, user, model, response, redirect, "to",
                () -> requests.lend(id, stepId, user.getName(), to, note),
                Messages.of("page.delegate.done", people.name(to.strip())), "/");
    }

    @PostMapping("/requests/{id}/steps/{stepId}/recall")
    String recall(@PathVariable UUID id, @PathVariable String stepId,
                  @RequestParam(name = "reason", required = false) String reason, Authentication user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return send(id, user, model, response, redirect, "recall",
                () -> requests.recall(id, stepId, user.getName(), reason),
                Messages.of("page.recall.done"), "/requests/" + id);
    }

    @PostMapping("/requests/{id}/steps/{stepId}/escalation")
    String escalate(@PathVariable UUID id, @PathVariable String stepId,
                    @RequestParam(name = "reason", required = false) String reason, Authentication user, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("escalateReason", reason);
        if (reason == null || reason.isBlank()) {
            return again(id, user, model, response, 400, "escalationReason",
                    Messages.of("page.escalate.why"));
        }
        return send(id, user, model, response, redirect, "escalationReason",
                () -> requests.escalate(id, stepId, user.getName(), reason),
                null, "/");
    }

    private String send(UUID id, Authentication user, Model model, HttpServletResponse response,
                        RedirectAttributes redirect, String field, Runnable move, String confirmation,
                        String next) {
        try {
            move.run();
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            return again(id, user, model, response, refusal.status().value(), field, refusal.message());
        }
        redirect.addFlashAttribute("confirmation", confirmation != null ? confirmation : escalated(id.toString()));
        return "redirect:" + next;
    }

    private String escalated(String id) {
        return reader.find(id).flatMap(view -> RequestPageModel.openSteps(view).findFirst())
                .map(step -> Messages.of("page.escalate.done.to", people.name(step.assignee())))
                .orElse(Messages.of("page.escalate.done"));
    }

    private String again(UUID id, Authentication user, Model model, HttpServletResponse response, int status,
                         String field, String message) {
        response.setStatus(status);
        page.fill(id.toString(), user, model, Map.of(field, message));
        return "request/request";
    }
}
