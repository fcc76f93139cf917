package org.mandate.domain.committee;

import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * The committee's authority from now on: a limit per category (or {@value Authority#ANY}) in {@code currency}.
 */
public record CommitteeAuthoritySet(CommitteeId committeeId, Authority authority, String currency, PersonId setBy,
                                    Instant setAt) {
}
