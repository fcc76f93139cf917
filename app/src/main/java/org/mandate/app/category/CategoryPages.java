package org.mandate.app.category;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.problem.Refusal;
import org.mandate.app.web.Page;
import org.mandate.domain.category.Category;
import org.mandate.domain.directory.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * The console's Categories page: the list, with forms to add one, rename one and retire one. Every change goes
 * through {@link KnownCategories}, as over the API; a refusal shows the page again with the API's status and reason.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class CategoryPages {

    private final KnownCategories categories;

    CategoryPages(KnownCategories categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        model.addAttribute("categories", categories.all());
        return "admin/categories";
    }

    @PostMapping("/admin/categories")
    String add(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String name,
               Authentication admin, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("key", key);
        model.addAttribute("name", name);
        return change(() -> categories.add(key, name, PersonId.of(admin.getName())),
                added -> Messages.of("admin.done.categoryAdded", added.name(), added.key()),
                model, response, redirect);
    }

    @PostMapping("/admin/categories/{key}/name")
    String rename(@PathVariable String key, @RequestParam(defaultValue = "") String name, Authentication admin,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(() -> categories.rename(key, name, PersonId.of(admin.getName())),
                renamed -> Messages.of("admin.done.categoryRenamed", renamed.key(), renamed.name()), model, response, redirect);
    }

    @PostMapping("/admin/categories/{key}/retirement")
    String retire(@PathVariable String key, Authentication admin, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return change(() -> categories.retire(key, PersonId.of(admin.getName())),
                retired -> Messages.of("admin.done.categoryRetired", retired.name()), model, response, redirect);
    }

    private String change(Supplier<Category> change, java.util.function.Function<Category, String> done, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        Category changed;
        try {
            changed = change.get();
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("categoryError", refusal.message());
            return list(model);
        }
        redirect.addFlashAttribute("confirmation", done.apply(changed));
        return "redirect:/admin/categories";
    }
}
