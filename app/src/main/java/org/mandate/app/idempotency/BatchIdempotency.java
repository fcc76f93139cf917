package org.mandate.app.idempotency;

import org.mandate.domain.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * For a call that sends many commands, each in its own transaction (a bulk decision): records the call's
 * Idempotency-Key once, before the first command, so the key covers the whole batch whichever of its commands are
 * refused. The filter then stores the batch's answer under the key, and a retry gets that answer and sends nothing.
 * Should the node stop before the answer is stored, a retry gets {@code {"replayed": true}} and sends nothing either.
 */
@Component
public class BatchIdempotency {

    private final IdempotencyStore store;

    BatchIdempotency(IdempotencyStore store) {
        this.store = store;
    }

    /** Does nothing for a call without a key. */
    public void claimForBatch() {
        IdempotentCall call = IdempotentCall.claim();
        if (call == null) {
            return;
        }
        try {
            store.recordCommand(call, null);
        } catch (DuplicateKeyException alreadyUsed) {
            throw RuleViolation.conflict("Another call with the Idempotency-Key '" + call.key()
                    + "' was handled at the same moment. Send this call again with the same key to get its answer.");
        }
    }
}
