package org.mandate.domain.committee;

import org.mandate.domain.Money;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * The committee's authority from now on: a limit per category (or {@value Authority#ANY}) in {@code currency}.
 */
public record CommitteeAuthoritySet(CommitteeId committeeId, Authority authority, String currency, PersonId setBy,
                                    Instant setAt) {

    /**
     * The limit for that category, in the authority's currency. A method rather than a component, so that the
     * stored event keeps its {@code authority} and {@code currency} fields.
     */
    public Money limitFor(String category) {
        return Money.of(authority.limitFor(category), currency);
    }
}
