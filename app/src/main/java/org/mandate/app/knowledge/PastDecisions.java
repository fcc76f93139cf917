package org.mandate.app.knowledge;

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

    PastDecisions(DecisionKnowledgeProjection knowledge) {
        this.knowledge = knowledge;
    }

    List<PastDecision> search(Authentication user, String q, String category, BigDecimal minAmount,
                              BigDecimal maxAmount, String decidedBy) {
        DecisionSearch search = DecisionSearch.of(q, category, minAmount, maxAmount, decidedBy);
        return readsAll(user) ? knowledge.search(search) : knowledge.searchVisibleTo(search, user.getName());
    }

    static boolean readsAll(Authentication user) {
        return user.getAuthorities().stream().anyMatch(authority -> READ_ALL.contains(authority.getAuthority()));
    }
}
