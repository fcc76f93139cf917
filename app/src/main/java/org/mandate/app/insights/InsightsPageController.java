package org.mandate.app.insights;

import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.insights.Insights;
import org.mandate.app.web.Moments;
import org.mandate.app.web.Page;
import org.mandate.app.web.People;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The insights page: the charts are drawn in the browser from the same JSON that {@code /api/insights} gives. */
@Controller
@Page
class InsightsPageController {

    private final InsightsSource insights;
    private final InsightsAccess access;
    private final ObjectMapper json;
    private final MandateSuggestion suggestion;
    private final People people;

    InsightsPageController(InsightsSource insights, InsightsAccess access, ObjectMapper json,
                           MandateSuggestion suggestion, People people) {
        this.people = people;
        this.insights = insights;
        this.access = access;
        this.json = json;
        this.suggestion = suggestion;
    }

    @GetMapping("/insights")
    String page(@RequestParam(required = false) Integer weeks, Authentication user, Model model)
            throws JsonProcessingException {
        access.require(user);
        Insights figures = insights.now(weeks);
        model.addAttribute("insights", figures);
        // a data block, not inline script (the pages' CSP allows none); escaped so no name can close the element
        model.addAttribute("insightsJson", json.writeValueAsString(figures).replace("<", "\\u003c")
                .replace(">", "\\u003e").replace("&", "\\u0026"));
        model.addAttribute("user", user.getName());
        return "insights";
    }

    /** The bottleneck's "grant a mandate" button; the outcome is told on the page it came from. */
    @PostMapping("/insights/mandates")
    String grant(@RequestParam(required = false) String holder, Authentication user, RedirectAttributes redirect) {
        access.require(user);
        try {
            MandateSuggestion.Granted granted = suggestion.grant(user.getName(), holder);
            redirect.addFlashAttribute("granted", Messages.of("insights.granted", people.name(granted.holder()),
                    Amounts.format(granted.maxAmount(), granted.currency(), Messages.locale()),
                    Moments.when(granted.until())));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.message(Messages.locale()));
        }
        return "redirect:/insights";
    }

    /** A person who may not read the insights gets a page that says who may, rather than the API's JSON. */
    @ExceptionHandler(RuleViolation.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(RuleViolation refusal, Model model) {
        model.addAttribute("reason", refusal.getMessage());
        return "insights-refused";
    }
}
