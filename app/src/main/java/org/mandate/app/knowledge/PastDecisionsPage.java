package org.mandate.app.knowledge;

import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;

/**
 * "How did we decide trips like this before?", as a page for staff (the JSON is {@link PastDecisionsApi}). What each
 * person finds is limited by {@link PastDecisions}. Read-only: nothing here sends a command or writes a row.
 */
@Controller
@Page
class PastDecisionsPage {

    private final PastDecisions decisions;

    PastDecisionsPage(PastDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/audit/decisions")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                @RequestParam(required = false) BigDecimal minAmount,
                @RequestParam(required = false) BigDecimal maxAmount, Authentication user, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("minAmount", minAmount);
        model.addAttribute("maxAmount", maxAmount);
        model.addAttribute("readsAll", PastDecisions.readsAll(user));
        model.addAttribute("decisions", decisions.search(user, q, category, minAmount, maxAmount, null));
        return "audit/decisions";
    }
}
