package org.mandate.projections.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The chain's one formula, used both to extend the ledger and to verify it: {@code SHA-256(previous || event)}
 * over the event row exactly as stored. Every field is length-prefixed so that no two different rows encode to
 * the same bytes, and the global index is included so that moving a row to another place changes its link.
 */
public final class LedgerChain {

    /** What position 1 chains onto. */
    public static final byte[] GENESIS = new byte[32];

    private LedgerChain() {
    }

    /** The stored event row, as read from {@code domain_event_entry}. */
    public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequenceNumber, String type,
                              String timestamp, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData) {

        /** Reads the columns named in the app's EventSchema (EventStoreConfiguration). */
        public static StoredEvent read(ResultSet row) throws SQLException {
            return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                    row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                    row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                    row.getBytes("payload"), row.getBytes("meta_data"));
        }
    }

    public static byte[] link(byte[] previous, StoredEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(canonical(event));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] canonical(StoredEvent event) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeLong(event.globalIndex());
            write(out, event.eventId());
            write(out, event.aggregateId());
            out.writeLong(event.sequenceNumber());
            write(out, event.type());
            write(out, event.timestamp());
            write(out, event.payloadType());
            write(out, event.payloadRevision());
            write(out, event.payload());
            write(out, event.metaData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        write(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** -1 for null, so that a missing value and an empty one differ. */
    private static void write(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}
