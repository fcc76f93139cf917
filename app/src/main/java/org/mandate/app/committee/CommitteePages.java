package org.mandate.app.committee;

import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Page;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.committee.CommitteeView;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's Committees page: the list with a form to form one, and each committee with its members, its
 * authority and the forms that change them. Every change goes through {@link CommitteeAdmin}, as over the API; a
 * refusal shows the page again with the API's status and reason.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class CommitteePages {

    private final CommitteeAdmin committees;
    private final DirectoryProjection directory;

    CommitteePages(CommitteeAdmin committees, DirectoryProjection directory) {
        this.committees = committees;
        this.directory = directory;
    }

    @GetMapping("/admin/committees")
    String list(Model model) {
        model.addAttribute("committees", committees.all());
        return "admin/committees";
    }

    @GetMapping("/admin/committees/{id}")
    String one(@PathVariable String id, Model model) {
        CommitteeView committee = committees.existing(id);
        model.addAttribute("committee", committee);
        List<String> members = committee.members().stream().map(CommitteeView.Member::personId).toList();
        model.addAttribute("candidates", directory.everyone().stream().filter(Person::active)
                .filter(person -> !members.contains(person.id().value())).toList());
        return "admin/committee";
    }

    @PostMapping("/admin/committees")
    String form(@RequestParam(defaultValue = "") String name, Authentication admin, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            CommitteeView formed = committees.form(null, name, admin.getName());
            redirect.addFlashAttribute("confirmation", Messages.of("admin.done.formed", formed.name()));
            return "redirect:/admin/committees/" + formed.id();
        } catch (RuntimeException refused) {
            refuse(refused, response, model);
            model.addAttribute("name", name);
            return list(model);
        }
    }

    @PostMapping("/admin/committees/{id}/members")
    String add(@PathVariable String id, @RequestParam(defaultValue = "") String personId, Authentication admin,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> committees.add(id, personId, admin.getName()),
                directory.find(PersonId.of(personId.isBlank() ? "-" : personId.strip()))
                        .map(Person::name).map(name -> Messages.of("admin.done.memberAdded", name))
                        .orElse(Messages.of("admin.done.memberAdded", personId)),
                model, response, redirect);
    }

    @PostMapping("/admin/committees/{id}/members/removal")
    String remove(@PathVariable String id, @RequestParam(defaultValue = "") String personId, Authentication admin,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> committees.remove(id, personId, admin.getName()),
                Messages.of("admin.done.memberRemoved", directory.find(PersonId.of(personId.isBlank() ? "-"
                        : personId.strip())).map(Person::name).orElse(personId)), model, response, redirect);
    }

    /** The rows of the form, as on a person's page: an empty row is ignored, a half-filled or bad one refused. */
    @PostMapping("/admin/committees/{id}/authority")
    String authority(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication admin,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> committees.authority(id, limits(form),
                        form.getFirst("currency"), admin.getName()),
                Messages.of("admin.done.committeeLimits"), model, response, redirect);
    }

    @PostMapping("/admin/committees/{id}/dissolution")
    String dissolve(@PathVariable String id, Authentication admin, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        return change(id, () -> committees.dissolve(id, admin.getName()),
                Messages.of("admin.done.dissolved"), model, response, redirect);
    }

    private String change(String id, Supplier<CommitteeView> change, String done, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        CommitteeView committee = committees.existing(id);
        try {
            change.get();
        } catch (RuntimeException refused) {
            refuse(refused, response, model);
            return one(id, model);
        }
        redirect.addFlashAttribute("confirmation", done);
        return "redirect:/admin/committees/" + committee.id();
    }

    private static void refuse(RuntimeException refused, HttpServletResponse response, Model model) {
        Refusal refusal = Refusal.of(refused);
        response.setStatus(refusal.status().value());
        model.addAttribute("committeeError", refusal.message());
    }

    private static Map<String, BigDecimal> limits(MultiValueMap<String, String> form) {
        List<String> names = form.getOrDefault("category", List.of());
        List<String> amounts = form.getOrDefault("limit", List.of());
        Map<String, BigDecimal> read = new LinkedHashMap<>();
        for (int row = 0; row < Math.max(names.size(), amounts.size()); row++) {
            String category = row < names.size() ? names.get(row).strip() : "";
            String amount = row < amounts.size() ? amounts.get(row).strip().replace(",", "") : "";
            if (category.isEmpty() && amount.isEmpty()) {
                continue;
            }
            if (category.isEmpty() || amount.isEmpty()) {
                throw RuleViolation.invalid(Messages.of("admin.limits.half", row + 1));
            }
            BigDecimal limit;
            try {
                limit = Amounts.parse(amount);
            } catch (Amounts.Unreadable notAnAmount) {
                throw RuleViolation.invalid(Messages.of("admin.limits.notAmount", amount, row + 1));
            }
            if (read.put(category, limit) != null) {
                throw RuleViolation.invalid(Messages.of("admin.limits.twice", category));
            }
        }
        return read;
    }
}
