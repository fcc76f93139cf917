package org.mandate.projections.ledger;

import org.junit.jupiter.api.Test;
import org.mandate.projections.ledger.LedgerChain.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerChainTest {

    private static final StoredEvent EVENT = new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest",
            "2026-03-01T10:00:00Z", "org.mandate.StepDecided", null, bytes("{\"rationale\":\"ok\"}"), bytes("{}"));

    @Test
    void theSameRowAfterTheSameLinkGivesTheSameHash() {
        assertThat(LedgerChain.link(LedgerChain.GENESIS, EVENT)).isEqualTo(LedgerChain.link(LedgerChain.GENESIS,
                copy(EVENT)));
    }

    @Test
    void everyFieldOfTheRowAndThePreviousLinkChangeTheHash() {
        byte[] original = LedgerChain.link(LedgerChain.GENESIS, EVENT);
        List<StoredEvent> changed = List.of(
                new StoredEvent(8, "e-1", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-2", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-2", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 3, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "Other", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest", "2026-03-01T10:00:01Z", EVENT.payloadType(),
                        null, EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), "org.mandate.Other", null,
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), "2",
                        EVENT.payload(), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        bytes("{\"rationale\":\"OK\"}"), EVENT.metaData()),
                new StoredEvent(7, "e-1", "a-1", 2, "ApprovalRequest", EVENT.timestamp(), EVENT.payloadType(), null,
                        EVENT.payload(), null));

        changed.forEach(row -> assertThat(LedgerChain.link(LedgerChain.GENESIS, row)).isNotEqualTo(original));
        assertThat(LedgerChain.link(LedgerChain.link(LedgerChain.GENESIS, EVENT), EVENT)).isNotEqualTo(original);
    }

    @Test
    void fieldsCannotBorrowCharactersFromTheirNeighbours() {
        StoredEvent left = new StoredEvent(1, "ab", "c", 0, null, "t", "p", null, new byte[0], null);
        StoredEvent right = new StoredEvent(1, "a", "bc", 0, null, "t", "p", null, new byte[0], null);
        StoredEvent empty = new StoredEvent(1, "a", "bc", 0, "", "t", "p", null, new byte[0], null);

        assertThat(LedgerChain.link(LedgerChain.GENESIS, left)).isNotEqualTo(LedgerChain.link(LedgerChain.GENESIS, right));
        assertThat(LedgerChain.link(LedgerChain.GENESIS, right)).isNotEqualTo(LedgerChain.link(LedgerChain.GENESIS, empty));
    }

    @Test
    void aDigestIsReadBackOrRefusedWithTheShapeToUse() {
        String head = Digest.head(42, LedgerChain.hex(LedgerChain.GENESIS));

        assertThat(Digest.Kept.parse(head)).isEqualTo(new Digest.Kept(42, LedgerChain.hex(LedgerChain.GENESIS)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Digest.Kept.parse("42:xyz"))
                .hasMessageContaining("GET /api/audit/digest");
    }

    private static StoredEvent copy(StoredEvent event) {
        return new StoredEvent(event.globalIndex(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                event.type(), event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload().clone(),
                event.metaData().clone());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
