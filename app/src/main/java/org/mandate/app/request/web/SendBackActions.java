package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.request.Conversation;
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
 * Sending a step back for more information, and answering, from the request page, through the same service as the API
 * ({@link Conversation}). A refusal shows the page again with the text kept and the reason under the field; success redirects (PRG).
 */
@Controller
@Page
class SendBackActions {

    private final Conversation conversation;
    private final RequestPageModel page;

    SendBackActions(Conversation conversation, RequestPageModel page) {
        this.conversation = conversation;
        this.page = page;
    }

    @PostMapping("/requests/{id}/steps/{stepId}/return")
    String sendBack(@PathVariable UUID id, @PathVariable String stepId,
                    @RequestParam(name = "question", required = false) String question, Authentication user,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            conversation.sendBack(id, stepId, user.getName(), question);
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            response.setStatus(refusal.status().value());
            model.addAttribute("questionText", question);
            page.fill(id.toString(), user, model, Map.of("question", refusal.message()));
            return "request/request";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.sentBack"));
        return "redirect:/requests/" + id + "#questions";
    }

    @PostMapping("/requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(name = "answer", required = false) String answer,
                  @RequestParam(name = "title", required = false) String title,
                  @RequestParam(name = "description", required = false) String description, Authentication user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            conversation.answer(id, user.getName(), answer, title, description, null);
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            response.setStatus(refusal.status().value());
            model.addAttribute("answerText", answer);
            model.addAttribute("answerTitle", title);
            model.addAttribute("answerDescription", description);
            page.fill(id.toString(), user, model, Map.of("answer", refusal.message()));
            return "request/request";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.answered"));
        return "redirect:/requests/" + id + "#questions";
    }
}
