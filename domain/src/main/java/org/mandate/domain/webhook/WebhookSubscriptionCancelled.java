package org.mandate.domain.webhook;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/** A subscription ended: nothing more is delivered to its URL. */
public record WebhookSubscriptionCancelled(String subscriptionId, PersonId cancelledBy, Instant cancelledAt) {
}
