package org.mandate.domain.request;

import org.mandate.domain.Refusals;

import java.time.Duration;
import java.time.Instant;

/**
 * When a request's texts may be shredded under the retention policy: only once it is closed, only after its
 * retention period has run from the moment it closed, and only once (a repeated command is a no-op, so a retention
 * job that crashed half-way can simply run again). A shredded request takes no new text: a comment would be the one
 * clear text left about it.
 */
final class ShreddingPolicy {

    private ShreddingPolicy() {
    }

    /** True if the texts are to be shredded now; false if they already were. */
    static boolean shredNow(ShredRequestData command, RequestStatus status, Instant closedAt, Instant shreddedAt,
                            Instant now) {
        if (shreddedAt != null) {
            return false;
        }
        Duration retention = command.retention();
        if (retention == null || retention.isNegative()) {
            throw Refusals.invalid("request.shreddingPolicy.aRetentionPeriodMustBe", retention);
        }
        if (status == RequestStatus.IN_REVIEW || closedAt == null) {
            throw Refusals.conflict("request.shreddingPolicy.requestIsStillInReview", command.requestId());
        }
        Instant due = closedAt.plus(retention);
        if (now.isBefore(due)) {
            throw Refusals.conflict("request.shreddingPolicy.requestClosedAtWithA",
                    command.requestId(), closedAt, retention, due);
        }
        return true;
    }

    static void checkNewText(Instant shreddedAt) {
        if (shreddedAt != null) {
            throw Refusals.conflict("request.shreddingPolicy.thisRequestSTextsWere", shreddedAt);
        }
    }
}
