package org.mandate.app.knowledge;

import org.mandate.projections.knowledge.PastDecision;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * "How did we decide trips like this before?", as JSON; its errors are problem+json (the page beside it,
 * {@link PastDecisionsPage}, answers its errors with a page). Open to all staff; what each person finds is limited
 * by {@link PastDecisions}. Read-only: nothing here sends a command or writes a row.
 */
@RestController
class PastDecisionsApi {

    private final PastDecisions decisions;

    PastDecisionsApi(PastDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/audit/decisions")
    List<PastDecision> search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) BigDecimal minAmount,
                              @RequestParam(required = false) BigDecimal maxAmount,
                              @RequestParam(required = false) String decidedBy, Authentication user) {
        return decisions.search(user, q, category, minAmount, maxAmount, decidedBy);
    }
}
