package org.mandate.domain.inbox;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** {@code replaced}: a filter of that name existed and now stands for this query. */
public record InboxFilterSaved(PersonId person, String name, String query, boolean replaced, Instant at) {
}
