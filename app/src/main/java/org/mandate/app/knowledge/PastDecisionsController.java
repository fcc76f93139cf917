package org.mandate.app.knowledge;

import org.mandate.projections.knowledge.PastDecision;
import org.mandate.app.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.math.BigDecimal;
import java.util.List;

/**
 * "How did we decide trips like this before?", as JSON and as a page. Open to all staff; what each person finds
 * is limited by {@link PastDecisions}. Read-only: nothing here sends a command or writes a row.
 */
@Controller
@Page
class PastDecisionsController {

    private final PastDecisions decisions;

    PastDecisionsController(PastDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/audit/decisions")
    @ResponseBody
    List<PastDecision> search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) BigDecimal minAmount,
                              @RequestParam(required = false) BigDecimal maxAmount,
                              @RequestParam(required = false) String decidedBy, Authentication user) {
        return decisions.search(user, q, category, minAmount, maxAmount, decidedBy);
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
