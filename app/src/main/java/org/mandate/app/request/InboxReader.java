package org.mandate.app.request;

import org.mandate.domain.Money;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.request.AuthorityChainPolicy;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.inbox.InboxFilter;
import org.mandate.projections.inbox.InboxItem;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person may decide now: the steps they hold or have on loan, then the steps they may decide on someone's
 * behalf under a mandate in force, never their own requests, nor any step whose chain of authority passes through
 * its requester or someone reporting to them ({@link AuthorityChainPolicy}): a step shows only where a decision
 * on it would count. The API and the inbox page both read it here.
 */
@Component
public class InboxReader {

    private final InboxProjection inbox;
    private final RequestViewProjection requests;
    private final DelegationsRegister mandates;
    private final AuthorityChainPolicy chains;
    private final Clock clock;

    InboxReader(InboxProjection inbox, RequestViewProjection requests, DelegationsRegister mandates,
                Directory directory, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.mandates = mandates;
        this.chains = new AuthorityChainPolicy(directory);
        this.clock = clock;
    }

    public List<InboxItem> of(String me) {
        Instant now = clock.instant();
        Map<String, InboxItem> items = new LinkedHashMap<>();
        for (InboxItem item : inbox.inboxOf(me)) {
            if (item.onBehalfOf() == null || chains.objectionToLending(PersonId.of(item.requester()),
                    PersonId.of(item.onBehalfOf()), PersonId.of(me)).isEmpty()) {
                items.put(item.stepId(), item);
            }
        }
        for (MandateTerms mandate : mandates.effectiveHeldBy(PersonId.of(me), now)) {
            for (InboxItem item : inbox.heldInPerson(mandate.principal().value())) {
                if (!item.requester().equals(me) && covers(mandate, item)
                        && chains.objectionToMandate(PersonId.of(item.requester()), mandate, mandates).isEmpty()) {
                    items.putIfAbsent(item.stepId(), onBehalfOf(item, mandate.principal().value()));
                }
            }
        }
        votes(me, now, null).forEach(item -> items.putIfAbsent(item.stepId(), item));
        return new ArrayList<>(items.values());
    }

    /**
     * The open committee votes the person may cast: as a voter, or under a mandate from a voter that covers the
     * request (never on their own request, and only where the mandate's chain of authority counts).
     */
    private List<InboxItem> votes(String me, Instant now, ForWhom forWhom) {
        List<InboxItem> votes = new ArrayList<>();
        if (forWhom == null || forWhom == ForWhom.OWN) {
            votes.addAll(requests.openVotesOf(me));
        }
        if (forWhom == null || forWhom == ForWhom.MANDATE) {
            for (MandateTerms mandate : mandates.effectiveHeldBy(PersonId.of(me), now)) {
                for (InboxItem item : requests.openVotesOf(mandate.principal().value())) {
                    if (!item.requester().equals(me) && covers(mandate, item)
                            && chains.objectionToMandate(PersonId.of(item.requester()), mandate, mandates).isEmpty()) {
                        votes.add(onBehalfOf(item, mandate.principal().value()));
                    }
                }
            }
        }
        return votes;
    }

    private static boolean covers(MandateTerms mandate, InboxItem item) {
        return mandate.covers(item.category(), Money.of(item.amount(), item.currency()));
    }

    /** On whose account a step is in someone's inbox: their own, under a mandate from its holder, or lent to them. */
    public enum ForWhom {
        OWN, MANDATE, LENT;

        public String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What {@link #of} answers, narrowed by the filter and {@code forWhom} (null: all three) and in the filter's
     * order. The database filters and sorts each source (one's own steps, each mandate's principal's steps); the
     * authority-chain and mandate-scope checks then drop rows one by one, and the sorted sources are merged.
     */
    public List<InboxItem> find(String me, InboxFilter filter, ForWhom forWhom) {
        Instant now = clock.instant();
        Map<String, InboxItem> items = new LinkedHashMap<>();
        if (forWhom != ForWhom.MANDATE) {
            Boolean onLoan = forWhom == null ? null : forWhom == ForWhom.LENT;
            for (InboxItem item : inbox.inboxOf(me, filter, onLoan)) {
                if (item.onBehalfOf() == null || chains.objectionToLending(PersonId.of(item.requester()),
                        PersonId.of(item.onBehalfOf()), PersonId.of(me)).isEmpty()) {
                    items.put(item.stepId(), item);
                }
            }
        }
        if (forWhom == null || forWhom == ForWhom.MANDATE) {
            for (MandateTerms mandate : mandates.effectiveHeldBy(PersonId.of(me), now)) {
                for (InboxItem item : inbox.heldInPerson(mandate.principal().value(), me, filter)) {
                    if (covers(mandate, item)
                            && chains.objectionToMandate(PersonId.of(item.requester()), mandate, mandates).isEmpty()) {
                        items.putIfAbsent(item.stepId(), onBehalfOf(item, mandate.principal().value()));
                    }
                }
            }
        }
        votes(me, now, forWhom).stream().filter(filter::matches)
                .forEach(item -> items.putIfAbsent(item.stepId(), item));
        List<InboxItem> found = new ArrayList<>(items.values());
        found.sort(filter.comparator());
        return found;
    }

    private static InboxItem onBehalfOf(InboxItem item, String principal) {
        return item.onBehalfOf(principal);
    }
}
