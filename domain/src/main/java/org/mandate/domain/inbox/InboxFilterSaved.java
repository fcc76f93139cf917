package org.mandate.domain.inbox;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * {@code by} saved it and owns it (the audit trail names them as the actor); {@code replaced}: a filter of that name
 * existed and now stands for this query.
 */
public record InboxFilterSaved(PersonId by, String name, String query, boolean replaced, Instant at) {
}
