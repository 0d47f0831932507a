package org.perfledger.command.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.perfledger.kernel.event.EventRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district's hash chain over its events (written by the database as each event is appended; see
 * {@code V3__event_chain.sql}), recomputed here from the stored rows, independently of the code that wrote it.
 *
 * <p>Verification walks the chain in order and names the first link that does not hold: a link missing from the
 * sequence, a link whose previous hash is not its predecessor's (reordered), an event row deleted or replaced by
 * another, an event whose stored content no longer hashes to its link (changed), and finally any event of the district
 * that has no link at all (written around the chain).
 */
@Component
public class EventChain {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ZoneId businessZone;

    EventChain(JdbcTemplate jdbc, TransactionTemplate transactions,
               @Value("${perfledger.audit.chain-day-zone:Asia/Shanghai}") String businessZone) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.businessZone = ZoneId.of(businessZone);
    }

    /** Where the chain first fails, with the event it concerns (null fields where the row is gone). */
    public record Break(long position, Long globalIndex, String eventIdentifier, String aggregateIdentifier,
                        Long sequenceNumber, String problem, String detail) {
    }

    /** The verdict over a district's chain: how many links, the head, and the first break if any. */
    public record Verification(String district, long links, boolean intact, Long headPosition, String headHash,
                               Break firstBreak) {
    }

    /** The chain's head at the end of a business day: publish these, and hold PerfLedger to them later. */
    public record DailyHead(LocalDate day, long position, String hash) {
    }

    public Verification verify(String district) {
        return readOnly.execute(status -> {
            Walk walk = new Walk();
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("""
                        SELECT c.position, c.global_index AS link_index, c.event_identifier AS linked_identifier,
                               c.previous_hash, c.hash, """ + EventRow.columns("e") + """
                         FROM event_chain c LEFT JOIN stored_events_v1 e ON e.global_index = c.global_index
                        WHERE c.district = ? ORDER BY c.position""");
                statement.setFetchSize(1_000);
                statement.setString(1, district);
                return statement;
            }, (ResultSet row) -> walk.next(row));
            if (walk.broken == null) {
                List<Long> unchained = jdbc.queryForList("""
                        SELECT e.global_index FROM stored_events_v1 e
                        WHERE coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'district', '') = ?
                          AND NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)
                        ORDER BY e.global_index LIMIT 1""", Long.class, district);
                if (!unchained.isEmpty()) {
                    walk.broken = new Break(walk.position + 1, unchained.get(0), null, null, null, "unchained",
                            "event " + unchained.get(0) + " of the district has no link: it was written around the "
                                    + "chain");
                }
            }
            return new Verification(district, walk.position, walk.broken == null,
                    walk.position == 0 ? null : walk.position, walk.position == 0 ? null : HEX.formatHex(walk.previous),
                    walk.broken);
        });
    }

    /** The head at the end of each business day on which the district's chain grew, oldest first. */
    public List<DailyHead> dailyHeads(String district) {
        return jdbc.query("""
                SELECT DISTINCT ON (day) (chained_at AT TIME ZONE ?)::date AS day, position, hash
                FROM event_chain WHERE district = ? ORDER BY day, position DESC""",
                (row, n) -> new DailyHead(row.getDate("day").toLocalDate(), row.getLong("position"),
                        HEX.formatHex(row.getBytes("hash"))), businessZone.getId(), district);
    }

    /** One pass over the links in order; stops judging at the first break. */
    private static final class Walk {
        long position;
        byte[] previous = EventRow.GENESIS;
        Break broken;

        void next(ResultSet row) throws SQLException {
            if (broken != null) {
                return;
            }
            long at = row.getLong("position");
            long globalIndex = row.getLong("link_index");
            String linked = row.getString("linked_identifier");
            if (at != position + 1) {
                broken = new Break(position + 1, null, null, null, null, "missing-link", "the chain jumps from "
                        + "link " + position + " to " + at + ": a link was deleted");
                return;
            }
            byte[] previousHash = row.getBytes("previous_hash");
            if (!Arrays.equals(previousHash, previous)) {
                broken = new Break(at, globalIndex, linked, null, null, "reordered", "link " + at + " does not follow "
                        + "link " + position + ": its previous hash is not that link's hash");
                return;
            }
            String identifier = row.getString("event_identifier");
            if (identifier == null) {
                broken = new Break(at, globalIndex, linked, null, null, "deleted", "event " + globalIndex + " ("
                        + linked + ") was deleted from the event store");
                return;
            }
            String aggregate = row.getString("aggregate_identifier");
            long sequence = row.getLong("sequence_number");
            if (!identifier.equals(linked)) {
                broken = new Break(at, globalIndex, linked, aggregate, sequence, "replaced", "the row at position "
                        + globalIndex + " is event " + identifier + ", not the chained " + linked);
                return;
            }
            byte[] recomputed = EventRow.read(row).link(previous);
            byte[] stored = row.getBytes("hash");
            if (!Arrays.equals(recomputed, stored)) {
                broken = new Break(at, globalIndex, identifier, aggregate, sequence, "changed", "event " + identifier
                        + " (" + aggregate + " #" + sequence + ") no longer matches its link: its stored content was "
                        + "changed");
                return;
            }
            previous = stored;
            position = at;
        }
    }
}
