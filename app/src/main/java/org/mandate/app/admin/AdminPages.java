package org.mandate.app.admin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.people.Departures;
import org.mandate.app.problem.Refusal;
import org.mandate.app.reconcile.Reconciler;
import org.mandate.app.web.Page;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.ChangeManager;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.directory.SetRoles;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The administrator's console: the directory (search, roles, manager), departures with a preview of what will move
 * where before anything is recorded, and the reconciliation report. Every change is a command, as through the API.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private final DirectoryProjection directory;
    private final CommandGateway commands;
    private final Departures departures;
    private final Reconciler reconciler;

    AdminPages(DirectoryProjection directory, CommandGateway commands, Departures departures, Reconciler reconciler) {
        this.directory = directory;
        this.commands = commands;
        this.departures = departures;
        this.reconciler = reconciler;
    }

    @GetMapping("/admin")
    String people(@RequestParam(required = false) String q, Model model) {
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Person> everyone = directory.everyone().stream()
                .filter(person -> words.isEmpty() || person.id().value().toLowerCase(Locale.ROOT).contains(words)
                        || person.name().toLowerCase(Locale.ROOT).contains(words))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("people", everyone);
        return "admin/people";
    }

    @GetMapping("/admin/people/{id}")
    String person(@PathVariable String id, Model model) {
        Person person = existing(id);
        model.addAttribute("person", person);
        model.addAttribute("reports", directory.reportingTo(person.id()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("candidates", directory.everyone().stream().filter(Person::active)
                .filter(other -> !other.id().equals(person.id())).toList());
        return "admin/person";
    }

    @PostMapping("/admin/people/{id}/roles")
    String roles(@PathVariable String id, @RequestParam(name = "role", required = false) List<String> chosen,
                 Authentication user, RedirectAttributes redirect) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : chosen == null ? List.<String>of() : chosen) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw RuleViolation.invalid("'" + role + "' is not a role; choose from the list.");
            }
        }
        commands.sendAndWait(new SetRoles(existing(id).id(), roles, PersonId.of(user.getName())));
        redirect.addFlashAttribute("confirmation", "Roles saved. They apply to " + existing(id).name()
                + "'s open sessions at their next step.");
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/admin/people/{id}/manager")
    String manager(@PathVariable String id, @RequestParam String manager, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            commands.sendAndWait(new ChangeManager(person.id(), manager == null || manager.isBlank() ? null
                    : PersonId.of(manager.strip())));
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("managerError", refusal.message());
            return person(id, model);
        }
        redirect.addFlashAttribute("confirmation", person.name() + " now reports to "
                + (manager == null || manager.isBlank() ? "nobody" : existing(manager.strip()).name()) + ".");
        return "redirect:/admin/people/" + id;
    }

    /** What the departure would do; nothing is recorded until the administrator confirms. */
    @GetMapping("/admin/people/{id}/departure")
    String departure(@PathVariable String id, @RequestParam(required = false) String successor, Model model,
                     HttpServletResponse response) {
        Person person = existing(id);
        try {
            model.addAttribute("preview", departures.preview(id, successor));
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("departureError", refused.getMessage());
            return person(id, model);
        }
        model.addAttribute("person", person);
        model.addAttribute("successor", successor);
        return "admin/departure";
    }

    @PostMapping("/admin/people/{id}/departure")
    String depart(@PathVariable String id, @RequestParam(required = false) String successor, Authentication user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            departures.record(id, successor, user.getName());
        } catch (RuntimeException refused) {
            // shown on the preview again, which now says why (a step taken or opened since the preview, say)
            Refusal refusal = Refusal.of(refused);
            String why = refusal.message();
            String page = departure(id, successor, model, response);
            response.setStatus(refusal.status().value());
            model.addAttribute("departureError", why);
            return page;
        }
        redirect.addFlashAttribute("confirmation", person.name() + "'s departure is recorded: their sessions have "
                + "ended and their work has moved on.");
        return "redirect:/admin/people/" + id;
    }

    @GetMapping("/admin/reconciliation")
    String reconciliation(Model model) {
        model.addAttribute("report", reconciler.reconcile());
        return "admin/reconciliation";
    }

    private Person existing(String id) {
        return directory.find(PersonId.of(id)).orElseThrow(() -> RuleViolation.notFound(
                "There is nobody with the id '" + id + "' in the directory. Search for them in the list of people."));
    }
}
