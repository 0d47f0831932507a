package org.perfledger.kernel.event;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event exactly as the event store holds it (payload and metadata are UTF-8 JSON bytes), read through the store's
 * read contract {@value #CONTRACT} (a view the command service migrates; Axon's own table stays its private detail).
 * Every reader of stored events starts here: the relay and replays turn it into an {@link EventEnvelope}, the
 * hash chain and the event-log export hash its fields as {@code event_chain_content} lays them out in the database.
 *
 * @param payloadRevision the event's version as stored, null for types outside the catalog
 * @param metaData        null when the row has none
 */
public record EventRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       String aggregateType, String timeStamp, String payloadType, String payloadRevision,
                       byte[] payload, byte[] metaData) {

    /** The event store's read contract: the view every reader of stored events selects from. */
    public static final String CONTRACT = "stored_events_v1";

    /** The hash before a chain's first link. */
    public static final byte[] GENESIS = new byte[32];

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public EventRow {
        Objects.requireNonNull(eventIdentifier, "eventIdentifier");
        Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
    }

    /** The event store's columns this row reads, qualified by {@code alias} (empty for none). */
    public static String columns(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return String.join(", ", a + "global_index", a + "event_identifier", a + "aggregate_identifier",
                a + "sequence_number", a + "type", a + "time_stamp", a + "payload_type", a + "payload_revision",
                a + "payload", a + "meta_data");
    }

    /**
     * The next rows in relay order, {@code (tx_id, global_index)}, after a position (parameters: the transaction id as
     * text, the global index, the limit), among rows whose transaction is older than every transaction still running:
     * such rows can no longer change, and no new row can sort before them, so a reader that remembers the last pair
     * skips nothing, even when a transaction commits late. {@code tx_text} is the row's transaction id as text.
     */
    public static final String SETTLED_AFTER = "SELECT tx_id::text AS tx_text, " + columns("") + """
             FROM stored_events_v1
            WHERE (tx_id, global_index) > (?::xid8, ?)
              AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id, global_index
            LIMIT ?""";

    /** Whether any event after a position has committed, settled or not (parameters: tx id text, global index). */
    public static final String COMMITTED_AFTER = """
            SELECT EXISTS (SELECT 1 FROM stored_events_v1 WHERE (tx_id, global_index) > (?::xid8, ?))""";

    /** The row at the result set's cursor, selected with {@link #columns}. */
    public static EventRow read(ResultSet row) throws SQLException {
        return new EventRow(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }

    public Instant timestamp() {
        return Instant.parse(timeStamp);
    }

    /** The version as a number: the stored revision, 1 where none was stored. */
    public int version() {
        return payloadRevision == null || !payloadRevision.matches("\\d+") ? 1 : Integer.parseInt(payloadRevision);
    }

    /** @throws IllegalArgumentException when the stored metadata is not a JSON object */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (metaData != null) {
            try {
                EventEnvelopeCodec.mapper().readValue(metaData, MAP)
                        .forEach((key, value) -> metadata.put(key, String.valueOf(value)));
            } catch (IOException e) {
                throw new IllegalArgumentException("event " + eventIdentifier + " has unreadable metadata", e);
            }
        }
        return metadata;
    }

    public String district() {
        return metadata().getOrDefault(EventMetadata.DISTRICT, "");
    }

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(eventIdentifier, payloadType, version(), aggregateType, aggregateIdentifier,
                sequenceNumber, globalIndex, timestamp(), metadata(), new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * The bytes a chain link hashes after the previous hash, as {@code event_chain_content} in the database: each field
     * as a 4-byte big-endian length and its UTF-8 bytes (-1 for NULL), the sequence number as 8 bytes.
     */
    public byte[] chainContent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, utf8(eventIdentifier));
            field(out, utf8(aggregateIdentifier));
            out.writeLong(sequenceNumber);
            field(out, utf8(aggregateType));
            field(out, utf8(timeStamp));
            field(out, utf8(payloadType));
            field(out, utf8(payloadRevision));
            field(out, payload);
            field(out, metaData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** This event's link after {@code previous}: SHA-256 over the previous hash and {@link #chainContent()}. */
    public byte[] link(byte[] previous) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            return sha256.digest(chainContent());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
