package org.mandate.app.mandate.web;

import org.mandate.app.mandate.StandingMandates;
import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.web.People;
import org.mandate.app.problem.Refusal;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.UUID;

/**
 * A person's standing mandates: those they gave, those they hold, and the form to give one. Out of office is the
 * same form filled in from the person's own authority, so going on leave takes two clicks.
 */
@Controller
@Page
class MandatesPage {

    private final StandingMandates mandates;
    private final DelegationsRegister register;
    private final MandateFormDefaults defaults;
    private final People people;
    private final Clock clock;

    MandatesPage(StandingMandates mandates, DelegationsRegister register, MandateFormDefaults defaults, People people,
                 Clock clock) {
        this.mandates = mandates;
        this.register = register;
        this.defaults = defaults;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/mandates")
    String page(@RequestParam(name = "away", required = false) boolean away, Authentication user, Model model) {
        MandateForm form = away ? defaults.outOfOffice(user.getName()) : defaults.blank(user.getName());
        return show(user, model, form, away);
    }

    @PostMapping("/mandates")
    String grant(@ModelAttribute("form") MandateForm form, BindingResult errors, Authentication user, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        MandateForm.Read read = form.read(errors, defaults.currency());
        if (errors.hasErrors()) {
            response.setStatus(400);
            return show(user, model, form, form.isAway());
        }
        try {
            mandates.grant(user.getName(), new StandingMandates.Grant(form.getTo(), read.categories(),
                    read.maxAmount(), defaults.currency(), read.validFrom(), read.validUntil(), read.reason(), false,
                    null));
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            errors.rejectValue(MandateForm.fieldOf(refusal), "refused", refusal.message());
            response.setStatus(refusal.status().value());
            return show(user, model, form, form.isAway());
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.mandate.given",
                people.name(form.getTo()), read.describe()));
        return "redirect:/mandates";
    }

    @PostMapping("/mandates/{id}/revocation")
    String revoke(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason,
                  Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            mandates.revoke(id, user.getName(), reason);
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            response.setStatus(refusal.status().value());
            model.addAttribute("revokeError", refusal.message());
            return show(user, model, defaults.blank(user.getName()), false);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.mandate.revoked"));
        return "redirect:/mandates";
    }

    private String show(Authentication user, Model model, MandateForm form, boolean away) {
        model.addAttribute("mandates", register.involving(user.getName(), clock.instant()));
        model.addAttribute("form", form);
        model.addAttribute("away", away);
        model.addAttribute("colleagues", defaults.colleagues(user.getName()));
        model.addAttribute("currency", defaults.currency());
        model.addAttribute("me", user.getName());
        return "mandate/mandates";
    }
}
