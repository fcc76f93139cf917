package org.mandate.domain.committee;

import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
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
    public boolean covers(String category, BigDecimal amount, String requestCurrency) {
        return currency != null && currency.equals(requestCurrency) && authority.covers(category, amount);
    }
}
