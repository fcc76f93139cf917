package org.mandate.app.outage;

import org.springframework.transaction.TransactionException;

/**
 * A commit whose answer never arrived: the connection broke, or the disk failed, while the database was making the
 * transaction durable. It may have been stored or not; only a retry with the same Idempotency-Key can tell.
 * A transaction exception, so that Spring does not try a rollback on the broken connection: that rollback's own
 * failure would replace this one.
 */
public class CommitOutcomeUnknown extends TransactionException {

    public CommitOutcomeUnknown(RuntimeException cause) {
        super("The commit failed part-way; the transaction may or may not be stored", cause);
    }
}
