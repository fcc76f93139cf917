package org.mandate.app.web.request;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.Refusal;
import org.mandate.app.request.RequestReader;
import org.mandate.app.web.People;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.CommentOnRequest;
import org.mandate.domain.request.RequestId;
import org.mandate.projections.request.RequestView;
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
 * Commenting from the request page, through the same command as the API. A refused comment shows the page again
 * with the text kept and the reason under the field; an added one is confirmed with whom it mentions.
 */
@Controller
class CommentActions {

    private final CommandGateway commands;
    private final RequestReader reader;
    private final RequestPageModel page;
    private final People people;

    CommentActions(CommandGateway commands, RequestReader reader, RequestPageModel page, People people) {
        this.commands = commands;
        this.reader = reader;
        this.page = page;
        this.people = people;
    }

    @PostMapping("/requests/{id}/comments")
    String comment(@PathVariable UUID id, @RequestParam(name = "text", required = false) String text,
                   Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String commentId = UUID.randomUUID().toString();
        try {
            commands.sendAndWait(new CommentOnRequest(new RequestId(id), commentId, PersonId.of(user.getName()),
                    text));
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            response.setStatus(refusal.status().value());
            model.addAttribute("commentText", text);
            page.fill(id.toString(), user, model, Map.of("comment", refusal.message()));
            return "request/request";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.commented")
                + mentioned(id.toString(), commentId));
        return "redirect:/requests/" + id + "#timeline";
    }

    private String mentioned(String requestId, String commentId) {
        return reader.find(requestId).stream().flatMap(view -> view.comments().stream())
                .filter(comment -> comment.id().equals(commentId) && !comment.mentions().isEmpty())
                .map(RequestView.Comment::mentions).findFirst()
                .map(mentions -> " " + Messages.of("page.commented.mentions", mentions.stream().map(people::name)
                        .collect(Collectors.joining(", "))))
                .orElse("");
    }
}
