package org.mandate.app.process;

import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.domain.directory.PersonId;
import org.mandate.app.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;

/** The process owners' page of bindings: what is bound where, a form to bind, a button to unbind. */
@Controller
@Page
@RequestMapping("/processes/bindings")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class BindingsPage {

    private final Bindings bindings;
    private final ProcessVersions versions;

    BindingsPage(Bindings bindings, ProcessVersions versions) {
        this.bindings = bindings;
        this.versions = versions;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("bindings", bindings.list());
        model.addAttribute("paths", versions.paths());
        return "processes/bindings";
    }

    @PostMapping
    String bind(@RequestParam String processKey, @RequestParam(required = false) String category,
                @RequestParam(required = false) String minAmount, @RequestParam(required = false) String maxAmount,
                Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            bindings.bind(processKey, category, amount("minAmount", minAmount), amount("maxAmount", maxAmount),
                    PersonId.of(user.getName()));
        } catch (RuntimeException exception) {
            return refused(exception, model, response);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("proc.bound", processKey.strip()));
        return "redirect:/processes/bindings";
    }

    @PostMapping("/removal")
    String unbind(@RequestParam(required = false) String category, @RequestParam(required = false) String minAmount,
                  @RequestParam(required = false) String maxAmount, Authentication user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            bindings.unbind(category, amount("minAmount", minAmount), amount("maxAmount", maxAmount),
                    PersonId.of(user.getName()));
        } catch (RuntimeException exception) {
            return refused(exception, model, response);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("proc.unbound"));
        return "redirect:/processes/bindings";
    }

    private String refused(RuntimeException exception, Model model, HttpServletResponse response) {
        Refusal refusal = Refusal.of(exception);
        response.setStatus(refusal.status().value());
        model.addAttribute("bindError", refusal.message());
        return page(model);
    }

    private static BigDecimal amount(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Amounts.parse(text);
        } catch (Amounts.Unreadable unreadable) {
            throw org.mandate.domain.RuleViolation.invalid(Messages.of("proc.bind.amount",
                    Messages.of("proc.field." + field), text.strip()));
        }
    }
}
