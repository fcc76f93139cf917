package org.mandate.domain.mandate;

import org.mandate.domain.directory.PersonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Mandates in memory, as the delegations register would show them, for rule tests. */
public final class MandateRegister implements Mandates {

    private final Map<MandateId, MandateTerms> mandates = new LinkedHashMap<>();

    public MandateRegister add(MandateTerms mandate) {
        mandates.put(mandate.id(), mandate);
        return this;
    }

    /** A mandate of the grantor's own authority, for any category up to the amount, in EUR. */
    public static MandateTerms mandate(String id, String from, String to, long maxAmount, Instant validFrom,
                                       Instant validUntil) {
        return new MandateTerms(MandateId.of(id), PersonId.of(from), PersonId.of(to), PersonId.of(from), null,
                new Scope(Set.of(Scope.ANY), BigDecimal.valueOf(maxAmount), "EUR"), validFrom, validUntil, false,
                null);
    }

    @Override
    public Optional<MandateTerms> find(MandateId id) {
        return Optional.ofNullable(mandates.get(id));
    }

    @Override
    public List<MandateTerms> heldBy(PersonId holder) {
        return mandates.values().stream().filter(mandate -> mandate.holder().equals(holder)).toList();
    }

    @Override
    public List<MandateTerms> grantedBy(PersonId grantor) {
        return mandates.values().stream().filter(mandate -> mandate.grantor().equals(grantor)).toList();
    }
}
