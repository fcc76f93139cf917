package org.mandate.domain.webhook;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/** A subscriber URL was registered. The signing secret is deliberately not part of the event (see docs/events-out.md). */
public record WebhookSubscribed(String subscriptionId, String url, List<String> eventTypes, PersonId subscribedBy,
                                Instant subscribedAt) {
}
