package org.mandate.domain.committee;

import org.mandate.domain.Money;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.util.List;

/**
 * A sitting committee as the rules see it: its members (active people, in id order) and its authority, which is in
 * {@code currency} ({@code null} until an authority is set).
 */
public record CommitteeFacts(CommitteeId id, String name, List<PersonId> members, Authority authority,
                             String currency) {

    public CommitteeFacts {
        members = List.copyOf(members);
    }

    /** A committee decides only in the currency its authority names; amounts are never converted. */
    public boolean covers(String category, Money amount) {
        return currency != null && amount.atMost(limitFor(category));
    }

    /** Its authority for that category, in its currency; ask only once an authority is set. */
    public Money limitFor(String category) {
        return Money.of(authority.limitFor(category), currency);
    }
}
