package org.mandate.app.insights;

import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Who may read the insights: auditors and administrators, and managers. A manager is anyone who is, right now,
 * the manager of at least one active person in the directory; the figures are about how they and their peers
 * share decisions, which is theirs to act on. Staff without reports see their own inbox, not the organisation's.
 */
@Component("insightsAccess")
public class InsightsAccess {

    private static final Set<String> READERS = Set.of("ROLE_AUDITOR", "ROLE_ADMIN");

    private final DirectoryProjection directory;

    InsightsAccess(DirectoryProjection directory) {
        this.directory = directory;
    }

    void require(Authentication user) {
        if (!allows(user)) {
            throw AppRefusals.forbidden("refusal.insights.notForYou");
        }
    }

    /** Public for the page layout, which shows the Insights link only to those who may follow it. */
    public boolean allows(Authentication user) {
        if (user == null || !user.isAuthenticated()) {
            return false;
        }
        boolean reader = user.getAuthorities().stream().anyMatch(authority -> READERS.contains(authority.getAuthority()));
        return reader || directory.everyone().stream()
                .anyMatch(person -> person.active() && person.manager() != null
                        && person.manager().value().equals(user.getName()));
    }
}
