package org.mandate.domain.directory;

import org.mandate.domain.RuleViolation;

/**
 * Four eyes on forgetting someone: only a person who has left, asked for with a reason by one administrator and
 * approved by another; once erased, for good.
 */
final class ErasurePolicy {

    static final int MAX_REASON = 500;

    private ErasurePolicy() {
    }

    static void checkRequest(boolean left, boolean erased, ErasureRequested pending, RequestErasure command) {
        if (erased) {
            throw RuleViolation.conflict(command.personId() + " is already erased.");
        }
        if (!left) {
            throw RuleViolation.conflict(command.personId() + " has not left: record their departure first "
                    + "(POST /api/people/" + command.personId() + "/departure), then ask for the erasure.");
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > MAX_REASON) {
            throw RuleViolation.invalid("An erasure needs a reason of 1 to " + MAX_REASON + " characters (the ground, "
                    + "e.g. 'left in 2024, retention over'); it is kept in clear, so do not name the person.");
        }
        if (pending != null) {
            throw RuleViolation.conflict("An erasure of " + command.personId() + " was already asked for by "
                    + pending.requestedBy() + "; another administrator approves it.");
        }
    }

    static void checkApproval(boolean erased, ErasureRequested pending, ApproveErasure command) {
        if (erased) {
            throw RuleViolation.conflict(command.personId() + " is already erased.");
        }
        if (pending == null) {
            throw RuleViolation.conflict("Nobody asked to erase " + command.personId() + "; ask first "
                    + "(POST /api/people/" + command.personId() + "/erasure).");
        }
        if (pending.requestedBy().equals(command.approvedBy())) {
            throw RuleViolation.forbidden("You asked for this erasure yourself; a different administrator has to "
                    + "approve it (four eyes).");
        }
    }
}
