package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.RuleViolation;
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
    record Link(PersonId from, PersonId to, Refusals.Phrase how) {
    }

    private final Directory directory;

    public AuthorityChainPolicy(Directory directory) {
        this.directory = directory;
    }

    /** Why a decision by the colleague a step is lent to would not count on this request, if it would not. */
    public Optional<String> objectionToLending(PersonId requester, PersonId holder, PersonId borrower) {
        return refusalOfLending(requester, holder, borrower).map(RuleViolation::getMessage);
    }

    /** The same as the refusal of such a decision, to be given in the decider's language. */
    public Optional<RuleViolation> refusalOfLending(PersonId requester, PersonId holder, PersonId borrower) {
        return objection(requester, List.of(new Link(holder, borrower,
                Refusals.phrase("request.authorityChain.lent", holder, borrower))));
    }

    /** Why a decision under this mandate (and every mandate it was passed on from) would not count, if it would not. */
    public Optional<String> objectionToMandate(PersonId requester, MandateTerms used, Mandates mandates) {
        return refusalOfMandate(requester, used, mandates).map(RuleViolation::getMessage);
    }

    /** The same as the refusal of such a decision, to be given in the decider's language. */
    public Optional<RuleViolation> refusalOfMandate(PersonId requester, MandateTerms used, Mandates mandates) {
        List<Link> links = new ArrayList<>();
        MandateTerms current = used;
        for (int depth = 0; current != null; depth++) {
            if (depth == MAX_DEPTH) {
                return Optional.of(Refusals.forbidden("request.authorityChain.tooLong", used.id(), MAX_DEPTH));
            }
            links.add(0, new Link(current.grantor(), current.holder(), current.parent() == null
                    ? Refusals.phrase("request.authorityChain.granted", current.grantor(), current.id(),
                            current.holder())
                    : Refusals.phrase("request.authorityChain.passedOn", current.grantor(), current.id(),
                            current.holder())));
            current = current.parent() == null ? null : mandates.find(current.parent()).orElse(null);
        }
        return objection(requester, links);
    }

    /** Names what the requester did themselves first (granting, passing on, lending), else where they come in. */
    private Optional<RuleViolation> objection(PersonId requester, List<Link> chain) {
        for (Link link : chain) {
            if (link.from().equals(requester)) {
                return Optional.of(refusal(chain, link, Refusals.phrase("request.authorityChain.madeIt", requester)));
            }
        }
        for (Link link : chain) {
            if (link.to().equals(requester)) {
                return Optional.of(refusal(chain, link, Refusals.phrase("request.authorityChain.madeIt", requester)));
            }
            if (reportsTo(link.to(), requester)) {
                return Optional.of(refusal(chain, link, Refusals.phrase("request.authorityChain.reportsTo",
                        link.to(), requester)));
            }
        }
        return Optional.empty();
    }

    private static RuleViolation refusal(List<Link> chain, Link link, Refusals.Phrase why) {
        return Refusals.forbidden("request.authorityChain.wouldNotCount", path(chain), link.how(), why,
                chain.get(0).from());
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
