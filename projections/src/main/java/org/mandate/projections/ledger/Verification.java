package org.mandate.projections.ledger;

/**
 * The answer to "is the history intact?". {@code head} is the recomputed head when valid. {@code pending} counts
 * stored events the ledger has not chained yet because they are newer than its last link or committed late.
 * {@code note} is set when the digest given was taken before the store was re-encrypted and matches the chain as it
 * stood then (docs/privacy.md, "Existing stores"); null otherwise.
 */
public record Verification(boolean valid, long eventsChecked, String head, long pending, Mismatch firstMismatch,
                           String note) {

    /** The first event, in global order, that no longer matches the chain, and what is wrong with it. */
    public record Mismatch(Long position, long globalIndex, String eventId, String problem) {
    }
}
