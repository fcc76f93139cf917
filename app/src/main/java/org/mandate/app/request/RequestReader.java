package org.mandate.app.request;

import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.Money;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.request.AuthorityChainPolicy;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.request.RequestView;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a request for a person, who sees it only if they take part in it, manage its requester, or audit. */
@Component
public class RequestReader {

    private final RequestViewProjection requests;
    private final Directory directory;
    private final DelegationsRegister mandates;
    private final AuthorityChainPolicy chains;
    private final Clock clock;

    RequestReader(RequestViewProjection requests, Directory directory, DelegationsRegister mandates, Clock clock) {
        this.requests = requests;
        this.directory = directory;
        this.mandates = mandates;
        this.chains = new AuthorityChainPolicy(directory);
        this.clock = clock;
    }

    public Optional<RequestView> find(String id) {
        return requests.find(id).map(this::withHolders);
    }

    public RequestView readableBy(String id, Authentication user) {
        RequestView view = find(id).orElseThrow(() -> notRecorded(id));
        if (!mayRead(view, user)) {
            throw AppRefusals.forbidden("refusal.request.notYours");
        }
        return view;
    }

    /**
     * The request view is written in each command's own transaction (inline, docs/adr/0010-inline-read-models.md),
     * and a rebuild replaces its rows in one transaction: a request it does not show was never recorded.
     */
    private static RuleViolation notRecorded(String id) {
        return AppRefusals.notFound("refusal.request.none", id);
    }

    /**
     * Everyone who may decide each open step now: its assignee, and whoever holds a mandate from them covering it
     * whose chain of authority passes through neither the requester nor anyone reporting to them.
     */
    private RequestView withHolders(RequestView view) {
        Instant now = clock.instant();
        return view.withSteps(view.steps().stream().map(step -> {
            if (!"OPEN".equals(step.status()) || step.lentBy() != null) {
                return step;
            }
            // a committee vote is held by each of its voters; a single step by its assignee
            List<String> principals = step.vote() == null ? List.of(step.assignee()) : step.vote().voters();
            Set<String> holders = new LinkedHashSet<>(step.vote() == null ? step.holders() : principals);
            for (String principal : principals) {
                for (MandateTerms mandate : mandates.carrying(PersonId.of(principal))) {
                    if (!mandate.holder().value().equals(view.requester())
                            && mandate.covers(view.category(), Money.of(view.amount(), view.currency()))
                            && mandates.effectiveAt(mandate, now)
                            && chains.objectionToMandate(PersonId.of(view.requester()), mandate, mandates).isEmpty()) {
                        holders.add(mandate.holder().value());
                    }
                }
            }
            return step.withHolders(List.copyOf(holders));
        }).toList());
    }

    private boolean mayRead(RequestView view, Authentication user) {
        String me = user.getName();
        if (view.involves(me) || user.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_AUDITOR") || authority.getAuthority().equals("ROLE_ADMIN"))) {
            return true;
        }
        return directory.managementChainAbove(PersonId.of(view.requester())).stream()
                .map(Person::id).anyMatch(PersonId.of(me)::equals);
    }
}
