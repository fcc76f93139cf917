package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Sent by the retention job once a closed request has been kept for its category's retention period: its texts are
 * to be shredded (docs/privacy.md). A request already shredded takes it as a no-op, so the job may repeat itself.
 */
public record ShredRequestData(@TargetAggregateIdentifier RequestId requestId, Duration retention) {
}
