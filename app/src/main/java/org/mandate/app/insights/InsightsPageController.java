package org.mandate.app.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.projections.insights.Insights;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The insights page: the charts are drawn in the browser from the same JSON that {@code /api/insights} gives. */
@Controller
class InsightsPageController {

    private final InsightsSource insights;
    private final InsightsAccess access;
    private final ObjectMapper json;

    InsightsPageController(InsightsSource insights, InsightsAccess access, ObjectMapper json) {
        this.insights = insights;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/insights")
    String page(@RequestParam(required = false) Integer weeks, Authentication user, Model model)
            throws JsonProcessingException {
        access.require(user);
        Insights figures = insights.now(weeks);
        model.addAttribute("insights", figures);
        model.addAttribute("insightsJson", json.writeValueAsString(figures));
        model.addAttribute("user", user.getName());
        return "insights";
    }
}
