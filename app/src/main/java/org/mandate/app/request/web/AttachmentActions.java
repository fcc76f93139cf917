package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.attachment.Attachments;
import org.mandate.app.problem.Refusal;
import org.mandate.projections.request.RequestView;
import org.mandate.app.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * Attaching from the request page and downloading from it, through the same service as the API. The upload is read
 * inside the handler (uploads are resolved lazily), so a file over the limit is refused next to the form like any
 * other refusal, never as a bare error page.
 */
@Controller
@Page
class AttachmentActions {

    private final Attachments attachments;
    private final RequestPageModel page;

    AttachmentActions(Attachments attachments, RequestPageModel page) {
        this.attachments = attachments;
        this.page = page;
    }

    @PostMapping("/requests/{id}/attachments")
    String attach(@PathVariable UUID id, HttpServletRequest request, Authentication user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        RequestView.Attachment added;
        try {
            Attachments.Upload upload = request instanceof MultipartHttpServletRequest multipart
                    ? Attachments.Upload.of(multipart.getFile("file")) : null;
            added = attachments.attach(id, upload, request.getParameter("supersedes"), user);
        } catch (RuntimeException exception) {
            RuntimeException refusal = Attachments.overLimit(exception) ? attachments.tooLarge() : exception;
            Refusal refused = Refusal.of(refusal);
            response.setStatus(refused.status().value());
            page.fill(id.toString(), user, model, Map.of("attachment", refused.message()));
            return "request/request";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.attached", added.name()));
        return "redirect:/requests/" + id + "#attachments";
    }

    @GetMapping("/requests/{id}/attachments/{hash}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String hash, Authentication user) {
        return attachments.download(id, hash, user).response();
    }
}
