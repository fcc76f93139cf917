package org.mandate.app.knowledge;

import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.knowledge.DecisionKnowledgeProjection;
import org.mandate.projections.knowledge.DecisionSearch;
import org.mandate.projections.knowledge.PastDecision;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Who sees which past decisions. Auditors and administrators read every decision. Everyone else reads the ones
 * made in their own area (see {@code DecisionArea}): by themselves, by the people who report to them, directly or
 * indirectly, and by the people whose work passed to them when they left. A successor so learns how their
 * predecessor decided, without any member of staff reading the whole organisation's reasoning.
 */
@Component
class PastDecisions {

    private static final Set<String> READ_ALL = Set.of("ROLE_AUDITOR", "ROLE_ADMIN");

    private final DecisionKnowledgeProjection knowledge;

    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999999");

    PastDecisions(DecisionKnowledgeProjection knowledge) {
        this.knowledge = knowledge;
    }

    List<PastDecision> search(Authentication user, String q, String category, BigDecimal minAmount,
                              BigDecimal maxAmount, String decidedBy) {
        checkAmount("minAmount", minAmount);
        checkAmount("maxAmount", maxAmount);
        DecisionSearch search = DecisionSearch.of(q, category, minAmount, maxAmount, decidedBy);
        return readsAll(user) ? knowledge.search(search) : knowledge.searchVisibleTo(search, user.getName());
    }

    /** A bound the database can compare: 1e999999 and 1e-999999 parse as numbers but fit no numeric column. */
    private static void checkAmount(String name, BigDecimal amount) {
        if (amount != null && (amount.signum() < 0 || amount.compareTo(LARGEST_AMOUNT) > 0
                || amount.stripTrailingZeros().scale() > 2)) {
            throw AppRefusals.invalid("refusal.knowledge.amount", name, LARGEST_AMOUNT.toPlainString(),
                    String.valueOf(amount));
        }
    }

    static boolean readsAll(Authentication user) {
        return user.getAuthorities().stream().anyMatch(authority -> READ_ALL.contains(authority.getAuthority()));
    }
}
