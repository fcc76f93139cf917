package org.mandate.domain.directory;

import org.mandate.domain.Refusals;

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
            throw Refusals.conflict("directory.erasurePolicy.isAlreadyErased", command.personId());
        }
        if (!left) {
            throw Refusals.conflict("directory.erasurePolicy.hasNotLeftRecordTheir", command.personId());
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > MAX_REASON) {
            throw Refusals.invalid("directory.erasurePolicy.anErasureNeedsAReason", MAX_REASON);
        }
        if (pending != null) {
            throw Refusals.conflict("directory.erasurePolicy.anErasureOfWasAlready",
                    command.personId(), pending.requestedBy());
        }
    }

    static void checkApproval(boolean erased, ErasureRequested pending, ApproveErasure command) {
        if (erased) {
            throw Refusals.conflict("directory.erasurePolicy.isAlreadyErased", command.personId());
        }
        if (pending == null) {
            throw Refusals.conflict("directory.erasurePolicy.nobodyAskedToEraseAsk", command.personId());
        }
        if (pending.requestedBy().equals(command.approvedBy())) {
            throw Refusals.forbidden("directory.erasurePolicy.youAskedForThisErasure");
        }
    }
}
