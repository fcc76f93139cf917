package org.mandate.app.request.web;

import org.mandate.app.web.voice.Messages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.request.RequestReader;
import org.mandate.app.request.Requests;
import org.mandate.app.web.People;
import org.mandate.app.problem.Refusal;
import org.mandate.domain.category.Category;
import org.mandate.domain.request.RequestId;
import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Comparator;

/** The form to ask for something; it is sent with the same command as the API's, in the configured currency. */
@Controller
@Page
class NewRequestPage {

    private final Requests requests;
    private final RequestReader reader;
    private final People people;
    private final String currency;
    private final KnownCategories categories;

    NewRequestPage(Requests requests, RequestReader reader, People people, KnownCategories categories) {
        this.requests = requests;
        this.categories = categories;
        this.reader = reader;
        this.people = people;
        this.currency = requests.currency();
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("currency", currency);
        // the managed list's active categories, by name: the only ones a submission accepts (issue 25)
        model.addAttribute("categories", categories.active().stream()
                .sorted(Comparator.comparing(Category::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }

    @GetMapping("/requests/new")
    String form(Model model) {
        model.addAttribute("form", new NewRequestForm());
        return "request/new";
    }

    @PostMapping("/requests")
    String submit(@Valid @ModelAttribute("form") NewRequestForm form, BindingResult errors, Authentication user,
                  HttpServletResponse response, RedirectAttributes redirect) {
        BigDecimal amount = AmountText.read(form.getAmount(), errors);
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "request/new";
        }
        RequestId id;
        try {
            id = requests.submit(user.getName(), new Requests.Submission(form.getTitle(), form.getCategory(), amount,
                    currency, form.getDescription(), null));
        } catch (RuntimeException exception) {
            Refusal refusal = Refusal.of(exception);
            errors.rejectValue(RefusedField.of(refusal), "refused", refusal.message());
            response.setStatus(refusal.status().value());
            return "request/new";
        }
        redirect.addFlashAttribute("confirmation", Messages.of("page.sent", form.getTitle().strip())
                + reader.find(id.toString()).flatMap(view -> RequestPageModel.openSteps(view).findFirst())
                .map(step -> " " + Messages.of("page.sent.decider", people.name(step.assignee()))).orElse(""));
        return "redirect:/requests/" + id;
    }
}
