package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;

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
            throw RuleViolation.invalid("A retention period must be zero or more (such as P365D); got " + retention
                    + ".");
        }
        if (status == RequestStatus.IN_REVIEW || closedAt == null) {
            throw RuleViolation.conflict("Request " + command.requestId() + " is still in review; its texts are kept "
                    + "until its retention period has run from the moment it closes.");
        }
        Instant due = closedAt.plus(retention);
        if (now.isBefore(due)) {
            throw RuleViolation.conflict("Request " + command.requestId() + " closed at " + closedAt + "; with a "
                    + "retention of " + retention + " its texts are kept until " + due + ".");
        }
        return true;
    }

    static void checkNewText(Instant shreddedAt) {
        if (shreddedAt != null) {
            throw RuleViolation.conflict("This request's texts were shredded at " + shreddedAt + " because its "
                    + "retention period had ended; it takes no new comments or attachments. Start a new request if something is "
                    + "still to be said.");
        }
    }
}
