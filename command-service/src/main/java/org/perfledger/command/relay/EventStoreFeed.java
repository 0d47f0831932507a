package org.perfledger.command.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.organisation.DepartmentId;

/**
 * Reads the event store in relay order, and keeps the relay's position, on the relay's own connection.
 *
 * <p>Why not the global index alone: PostgreSQL hands out identity values when a row is inserted, not when its
 * transaction commits, so a row with a smaller index can become visible after one with a larger index. A reader
 * that advanced past index 41 would never see a 40 that committed late. Here a row is read only once its
 * transaction is older than every transaction still running ({@code pg_snapshot_xmin}); such rows can no longer
 * change, and no new one can sort before them, so ordering by {@code (tx_id, global_index)} and remembering the
 * last pair skips nothing.
 */
final class EventStoreFeed {

    static final String POSITION_START_TX = "0";

    private static final String NEXT_BATCH = EventRow.SETTLED_AFTER;

    record Position(String txId, long globalIndex) {
        static final Position START = new Position(POSITION_START_TX, 0);
    }

    Position loadPosition(Connection connection, String relayName) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO relay_position (relay_name, tx_id, global_index) VALUES (?, ?::xid8, ?) "
                        + "ON CONFLICT (relay_name) DO NOTHING")) {
            insert.setString(1, relayName);
            insert.setString(2, Position.START.txId());
            insert.setLong(3, Position.START.globalIndex());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tx_id::text, global_index FROM relay_position WHERE relay_name = ?")) {
            select.setString(1, relayName);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Position(row.getString(1), row.getLong(2));
            }
        }
    }

    /**
     * Moves the position past a batch Kafka acknowledged. Its commit does not wait for the disk (synchronous_commit
     * off, for this statement's transaction only): a position lost with a crash of the database server only sends the
     * last batches again, and the consumers drop what they already have; the relay's next round need not wait for a
     * flush.
     */
    void savePosition(Connection connection, String relayName, Position position, int relayed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE relay_position SET tx_id = ?::xid8, global_index = ?, relayed_count = relayed_count + ?, "
                        + "updated_at = now() FROM (SELECT set_config('synchronous_commit', 'off', true)) AS lazy "
                        + "WHERE relay_name = ?")) {
            update.setString(1, position.txId());
            update.setLong(2, position.globalIndex());
            update.setInt(3, relayed);
            update.setString(4, relayName);
            if (update.executeUpdate() != 1) {
                throw new SQLException("relay position of " + relayName + " vanished");
            }
        }
    }

    List<StoredEvent> nextBatch(Connection connection, Position after, int limit) throws SQLException {
        List<StoredEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEXT_BATCH)) {
            select.setString(1, after.txId());
            select.setLong(2, after.globalIndex());
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(toStoredEvent(rows));
                }
            }
        }
        return batch;
    }

    /**
     * Whether events after the position have committed but are not settled yet: a transaction older than theirs is
     * still running, so they cannot be relayed before it ends, and it may end without anyone waking the relay.
     */
    boolean heldBack(Connection connection, Position after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EventRow.COMMITTED_AFTER)) {
            select.setString(1, after.txId());
            select.setLong(2, after.globalIndex());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private StoredEvent toStoredEvent(ResultSet row) throws SQLException {
        EventRow stored = EventRow.read(row);
        EventEnvelope envelope;
        try {
            envelope = stored.toEnvelope();
        } catch (IllegalArgumentException e) {
            throw new SQLException("event at global index " + stored.globalIndex() + " is unreadable", e);
        }
        return new StoredEvent(row.getString("tx_text"), stored.globalIndex(),
                streamKey(envelope.aggregateId(), envelope.metadata()), envelope);
    }

    /**
     * All aggregates of a department have ids that start with its stream key ({@code district/department}), so
     * keying records by it keeps every event of one department in one partition, in order.
     */
    static String streamKey(String aggregateId, Map<String, String> metadata) {
        String[] parts = aggregateId.split("/", 3);
        if (parts.length >= 2) {
            return DepartmentId.of(parts[0], parts[1]).streamKey();
        }
        return metadata.getOrDefault(EventMetadata.DISTRICT, "") + "/" + aggregateId;
    }
}
