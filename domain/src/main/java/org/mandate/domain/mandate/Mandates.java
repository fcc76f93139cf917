package org.mandate.domain.mandate;

import org.mandate.domain.Money;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read access to the mandates the rules consult; implemented by the delegations register. */
public interface Mandates {

    Optional<MandateTerms> find(MandateId id);

    /** Every mandate this person holds, revoked or not. */
    List<MandateTerms> heldBy(PersonId holder);

    /** Every mandate this person granted, revoked or not. */
    List<MandateTerms> grantedBy(PersonId grantor);

    /** In force at that moment, and so is every mandate it was passed on from. */
    default boolean effectiveAt(MandateTerms mandate, Instant at) {
        MandateTerms current = mandate;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (!current.inForceAt(at)) {
                return false;
            }
            if (current.parent() == null) {
                return true;
            }
            current = find(current.parent()).orElse(null);
        }
        return false;
    }

    /** The mandate under which {@code holder} may decide for {@code principal} at that moment, if any. */
    default Optional<MandateTerms> usable(PersonId holder, PersonId principal, String category, Money amount,
                                          Instant at) {
        return usableAll(holder, principal, category, amount, at).stream().findFirst();
    }

    /** Every mandate under which {@code holder} may decide for {@code principal} at that moment, oldest first. */
    default List<MandateTerms> usableAll(PersonId holder, PersonId principal, String category, Money amount,
                                         Instant at) {
        return heldBy(holder).stream()
                .filter(mandate -> mandate.principal().equals(principal))
                .filter(mandate -> mandate.covers(category, amount))
                .filter(mandate -> effectiveAt(mandate, at))
                .toList();
    }

    /** Everything {@code holder} may use at that moment. */
    default List<MandateTerms> effectiveHeldBy(PersonId holder, Instant at) {
        return heldBy(holder).stream().filter(mandate -> effectiveAt(mandate, at)).toList();
    }
}
