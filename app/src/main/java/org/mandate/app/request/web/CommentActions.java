package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.request.Conversation;
import org.mandate.app.web.People;
import org.mandate.projections.request.RequestView;
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
import java.util.stream.Collectors;

/**
 * Commenting from the request page, through the same service as the API
 * ({@link Conversation}). A refused comment shows the page again
 * with the text kept and the reason under the field; an added one is confirmed with whom it mentions.
 */
@Controller
@Page
class CommentActions {

    private final Conversation conversation;
    private final RequestPageModel page;
    private final People people;

    CommentActions(Conversation conversation, RequestPageModel page, People people) {
        this.conversation = conversation;
        this.page = page;
        this.people = people;
    }

    @PostMapping("/requests/{id}/comments")
    String comment(@PathVariable UUID id, @RequestParam(name = "text", required = false) String text,
                   Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        RequestView.Comment added;
        try {
            added = conversation.comment(id, user.getName(), text);
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            response.setStatus(refusal.status().value());
            model.addAttribute("commentText", text);
            page.fill(id.toString(), user, model, Map.of("comment", refusal.message()));
            return "request/request";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.commented") + mentioned(added));
        return "redirect:/requests/" + id + "#timeline";
    }

    private String mentioned(RequestView.Comment comment) {
        return comment.mentions().isEmpty() ? "" : " " + Messages.of("page.commented.mentions",
                comment.mentions().stream().map(people::name).collect(Collectors.joining(", ")));
    }
}
