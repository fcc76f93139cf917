package org.mandate.domain.directory;

import java.time.Instant;

/**
 * The person's key was destroyed: from now on their name and every text sealed for them read as erased. Records
 * who asked, who approved (never the same administrator) and why; nothing of the person but their id.
 */
public record PersonErased(PersonId personId, PersonId requestedBy, PersonId approvedBy, String reason,
                           Instant erasedAt) {
}
