package org.mandate.domain.request;

import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nobody outside the authority: a decision counts only if its chain of authority passes through nobody who made
 * the request or reports to whoever did. The chain runs from the step's holder to the decider: a one-off lending
 * of the step, or every grant and pass-on of the standing mandate used, back to the first grant. Otherwise a
 * requester holding a mandate (or a colleague they manage) could choose who approves their own request.
 */
public final class AuthorityChainPolicy {

    /** Passed-on mandates are followed this deep; a longer chain is treated as broken. */
    static final int MAX_DEPTH = 32;

    /** One hand-over of authority: {@code from} let {@code to} decide, as {@code how} says. */
    record Link(PersonId from, PersonId to, String how) {
    }

    private final Directory directory;

    public AuthorityChainPolicy(Directory directory) {
        this.directory = directory;
    }

    /** Why a decision by the colleague a step is lent to would not count on this request, if it would not. */
    public Optional<String> objectionToLending(PersonId requester, PersonId holder, PersonId borrower) {
        return objection(requester, List.of(new Link(holder, borrower, holder + " lent the step to " + borrower)));
    }

    /** Why a decision under this mandate (and every mandate it was passed on from) would not count, if it would not. */
    public Optional<String> objectionToMandate(PersonId requester, MandateTerms used, Mandates mandates) {
        List<Link> links = new ArrayList<>();
        MandateTerms current = used;
        for (int depth = 0; current != null; depth++) {
            if (depth == MAX_DEPTH) {
                return Optional.of("Mandate " + used.id() + " was passed on more than " + MAX_DEPTH + " times; its "
                        + "chain of authority cannot be checked, so it does not count.");
            }
            links.add(0, new Link(current.grantor(), current.holder(), current.parent() == null
                    ? current.grantor() + " granted mandate " + current.id() + " to " + current.holder()
                    : current.grantor() + " passed mandate " + current.id() + " on to " + current.holder()));
            current = current.parent() == null ? null : mandates.find(current.parent()).orElse(null);
        }
        return objection(requester, links);
    }

    /** Names what the requester did themselves first (granting, passing on, lending), else where they come in. */
    private Optional<String> objection(PersonId requester, List<Link> chain) {
        for (Link link : chain) {
            if (link.from().equals(requester)) {
                return Optional.of(refusal(chain, link, requester + " made this request"));
            }
        }
        for (Link link : chain) {
            if (link.to().equals(requester)) {
                return Optional.of(refusal(chain, link, requester + " made this request"));
            }
            if (reportsTo(link.to(), requester)) {
                return Optional.of(refusal(chain, link, link.to() + " reports to " + requester
                        + ", who made this request"));
            }
        }
        return Optional.empty();
    }

    private static String refusal(List<Link> chain, Link link, String why) {
        return "This decision would not count: its authority runs through " + path(chain) + " (" + link.how()
                + "), and " + why + ". A decision counts only if nobody in its chain of authority made the request "
                + "or reports to whoever did; " + chain.get(0).from() + " or someone they trust outside that chain "
                + "must decide it.";
    }

    /** {@code person} answers to {@code manager}, directly or through others. */
    boolean reportsTo(PersonId person, PersonId manager) {
        return directory.managementChainAbove(person).stream().anyMatch(above -> above.id().equals(manager));
    }

    private static String path(List<Link> chain) {
        StringBuilder path = new StringBuilder(chain.get(0).from().value());
        chain.forEach(link -> path.append(" -> ").append(link.to().value()));
        return path.toString();
    }
}
