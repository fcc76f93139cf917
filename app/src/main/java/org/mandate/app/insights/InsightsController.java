package org.mandate.app.insights;

import org.mandate.projections.insights.Insights;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InsightsController {

    private final InsightsSource insights;
    private final InsightsAccess access;

    InsightsController(InsightsSource insights, InsightsAccess access) {
        this.insights = insights;
        this.access = access;
    }

    @GetMapping("/api/insights")
    Insights insights(@RequestParam(required = false) Integer weeks, Authentication user) {
        access.require(user);
        return insights.now(weeks);
    }
}
