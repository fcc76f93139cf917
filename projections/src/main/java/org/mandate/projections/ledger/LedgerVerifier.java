package org.mandate.projections.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recomputes the chain from the event store and compares it link by link with the ledger, in the ledger's own
 * order (position 1, 2, ...), which is the order {@link LedgerProjection} appended the links in: the two walk the
 * same sequence by construction, whatever order the events' transactions committed in. Reads through a cursor in
 * one read-only, repeatable-read transaction, so a long history is checked in constant memory and against one
 * snapshot of the store, the ledger and the ledger's tracking token together.
 */
public class LedgerVerifier {

    /** The global indexes a stored tracking token still waits for (its gaps), from its serialized form. */
    @FunctionalInterface
    public interface TokenGaps {
        Set<Long> of(byte[] token, String tokenType);
    }

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final TokenGaps tokenGaps;
    private final Clock clock;

    /**
     * @param tokenGaps reads the ledger's stored token: an event that commits into one of its gaps is chained
     *                  late, so it is pending, not inserted behind our back.
     */
    public LedgerVerifier(DataSource dataSource, PlatformTransactionManager transactions, TokenGaps tokenGaps,
                          Clock clock) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // one snapshot for every statement below; under read committed (the default on PostgreSQL and H2) each
        // statement would see a later state, and an event chained between two of them would look inserted
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.tokenGaps = tokenGaps;
        this.clock = clock;
    }

    public Digest digest() {
        return readOnly.execute(status -> {
            List<Digest> last = cursor.query("select position, hash from ledger_link order by position desc "
                            + "fetch first 1 rows only",
                    (row, n) -> new Digest(Digest.head(row.getLong("position"), row.getString("hash")),
                            row.getLong("position"), clock.instant()));
            return last.isEmpty() ? new Digest(Digest.head(0, LedgerChain.hex(LedgerChain.GENESIS)), 0, clock.instant())
                    : last.get(0);
        });
    }

    public Verification verify(Digest.Kept kept) {
        return readOnly.execute(status -> {
            Set<Long> waiting = waiting();
            Walk walk = new Walk(kept);
            RowCallbackHandler each = row -> walk.next(row.getLong("position"), row.getLong("link_index"),
                    row.getString("hash"),
                    row.getString("event_identifier") == null ? null : LedgerChain.StoredEvent.read(row));
            cursor.query("select l.position, l.global_index as link_index, l.hash, e.* from ledger_link l "
                    + "left join domain_event_entry e on e.global_index = l.global_index order by l.position", each);
            List<Verification.Mismatch> inserted = unchainedBelow(walk.highestIndex, waiting);
            long pending = count("select count(*) from domain_event_entry e where not exists "
                    + "(select 1 from ledger_link l where l.global_index = e.global_index)") - inserted.size();
            Verification.Mismatch digest = walk.digestMismatch();
            Verification.Reencryption takenBefore = null;
            if (digest != null && walk.mismatch == null) {
                takenBefore = beforeReencryption(kept);
                digest = takenBefore == null ? digest : null;
            }
            Verification.Mismatch first = Stream.of(walk.mismatch, inserted.isEmpty() ? null : inserted.get(0), digest)
                    .filter(mismatch -> mismatch != null)
                    .min(Comparator.comparingLong(Verification.Mismatch::globalIndex)).orElse(null);
            return new Verification(first == null, walk.links,
                    Digest.head(walk.links, LedgerChain.hex(walk.recomputed)), pending, first, takenBefore);
        });
    }

    /**
     * A digest kept before the store was re-encrypted no longer ends the recomputed chain, since re-encryption changed
     * stored bytes; it still matches the chain as it stood then, which the re-encryption kept. Says so, or null.
     */
    private Verification.Reencryption beforeReencryption(Digest.Kept kept) {
        List<Verification.Reencryption> found = cursor.query("select r.finished_at, r.requested_by, r.reason, "
                        + "r.events_rewritten from ledger_link_before_reencryption b join ledger_reencryption r "
                        + "on r.id = b.reencryption_id where b.position = ? and b.hash = ? and r.finished_at is not null "
                        + "order by r.id",
                (row, n) -> new Verification.Reencryption(org.mandate.projections.Rows.instant(row, "finished_at"),
                        row.getString("requested_by"), row.getString("reason"), row.getLong("events_rewritten")),
                kept.links(), kept.hash());
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The gaps of the ledger's token as stored, read in the same snapshot as the links: the ledger commits each
     * link together with its token, so in one snapshot an event below the newest link is either chained, or a gap
     * the token still waits for, or something the ledger will never see.
     */
    private Set<Long> waiting() {
        Set<Long> gaps = new HashSet<>();
        cursor.query("select token, token_type from token_entry where processor_name = ? and token is not null",
                (RowCallbackHandler) row -> gaps.addAll(tokenGaps.of(row.getBytes("token"),
                        row.getString("token_type"))), LedgerProjection.NAME);
        return gaps;
    }

    /**
     * Events below the ledger's newest link that it never chained and is not waiting for: put there later, or
     * committed so late that the event store's readers gave up on them, so that no projection has them either.
     */
    private List<Verification.Mismatch> unchainedBelow(long highestIndex, Set<Long> waiting) {
        return cursor.query("select e.global_index, e.event_identifier from domain_event_entry e "
                                + "where e.global_index <= ? and not exists (select 1 from ledger_link l "
                                + "where l.global_index = e.global_index) order by e.global_index",
                        (row, n) -> new Verification.Mismatch(null, row.getLong("global_index"),
                                row.getString("event_identifier"), "This event is in the store but was never "
                                + "chained: it was inserted into the history after the events around it."),
                        highestIndex).stream()
                .filter(mismatch -> !waiting.contains(mismatch.globalIndex())).toList();
    }

    private long count(String sql, Object... arguments) {
        Long count = cursor.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    /** Walks the ledger in chain order, recomputing each link from the stored row. */
    private static final class Walk {

        private final Digest.Kept kept;
        private byte[] recomputed = LedgerChain.GENESIS;
        private long links;
        private long highestIndex = Long.MIN_VALUE;
        private Verification.Mismatch mismatch;
        private boolean keptMatched;
        private long keptIndex;

        Walk(Digest.Kept kept) {
            this.kept = kept;
        }

        void next(long position, long globalIndex, String hash, LedgerChain.StoredEvent event) {
            links = position;
            highestIndex = Math.max(highestIndex, globalIndex);
            if (event == null) {
                record(position, globalIndex, null, "The ledger chained an event with this global index, but the "
                        + "store no longer holds it: it was deleted, renumbered or cut off.");
                recomputed = LedgerChain.bytes(hash);
            } else {
                recomputed = LedgerChain.link(recomputed, event);
                if (!Arrays.equals(recomputed, LedgerChain.bytes(hash))) {
                    record(position, globalIndex, event.eventId(), "The stored event no longer matches its link: "
                            + "its content, identity or place in the order was changed after it was recorded.");
                    recomputed = LedgerChain.bytes(hash);
                }
            }
            if (kept != null && position == kept.links()) {
                keptMatched = LedgerChain.hex(recomputed).equals(kept.hash()) && mismatch == null;
                keptIndex = globalIndex;
            }
        }

        private void record(long position, long globalIndex, String eventId, String problem) {
            if (mismatch == null) {
                mismatch = new Verification.Mismatch(position, globalIndex, eventId, problem);
            }
        }

        Verification.Mismatch digestMismatch() {
            if (kept == null || kept.links() == 0 || keptMatched || (mismatch != null && kept.links() >= mismatch.position())) {
                return null;
            }
            if (links < kept.links()) {
                return new Verification.Mismatch(links + 1, highestIndex + 1, null, "Your digest vouches for "
                        + kept.links() + " events but the ledger now holds only " + links
                        + ": the end of the history was cut off.");
            }
            return new Verification.Mismatch(kept.links(), keptIndex, null, "The chain up to this event no longer "
                    + "ends in the hash of your digest: the history at or before it was rewritten, ledger included.");
        }
    }
}
