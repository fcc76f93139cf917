package org.mandate.app.idempotency;

import org.mandate.app.problem.AppRefusals;
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
            throw AppRefusals.conflict("refusal.idempotency.meanwhile", call.key());
        }
    }
}
