package org.mandate.app.admin;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's view of the projections: how each runs, how far behind it is, a rebuild button where a rebuild is
 * allowed, and a rebuild's progress (the page refreshes itself while one runs).
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsPage {

    private final ProjectionRebuilds rebuilds;

    ProjectionsPage(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/admin/projections")
    String projections(Model model) {
        var statuses = rebuilds.statuses();
        model.addAttribute("projections", statuses);
        model.addAttribute("rebuilding", statuses.stream().anyMatch(ProjectionRebuilds.Status::rebuilding));
        return "admin/projections";
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("confirmation", Messages.of("admin.done.rebuilding", name) + " "
                    + rebuilds.rebuild(name));
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            String page = projections(model);
            response.setStatus(refusal.status().value());
            model.addAttribute("refusal", refusal.message());
            return page;
        }
        return "redirect:/admin/projections";
    }
}
