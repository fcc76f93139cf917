package org.mandate.projections.ledger;

/**
 * The answer to "is the history intact?". {@code head} is the recomputed head when valid. {@code pending} counts
 * stored events the ledger has not chained yet because they are newer than its last link or committed late.
 * {@code takenBefore} is set when the digest given was taken before the store was re-encrypted and matches the chain
 * as it stood then (docs/privacy.md, "Existing stores"); null otherwise.
 */
public record Verification(boolean valid, long eventsChecked, String head, long pending, Mismatch firstMismatch,
                           Reencryption takenBefore) {

    /**
     * The re-encryption a digest predates: when it finished, who ran it and why, and how many stored events it
     * rewrote. Re-encryption computed the chain again over the rewritten events; the digest matches the chain as
     * it stood before, which the re-encryption kept.
     */
    public record Reencryption(java.time.Instant finishedAt, String by, String reason, long eventsRewritten) {
    }

    /** The first event, in global order, that no longer matches the chain, and what is wrong with it. */
    public record Mismatch(Long position, long globalIndex, String eventId, String problem) {
    }
}
