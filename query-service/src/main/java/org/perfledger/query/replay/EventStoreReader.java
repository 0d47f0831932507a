package org.perfledger.query.replay;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.Streams;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store, read directly (not through Kafka) for replays: a view as it stood at an instant, and rebuilds of
 * every read model. Read-only, on a small pool of its own ({@code perfledger.event-store.*}; in production a read-only
 * role, or a replica of the command side's database).
 *
 * <p>Rebuilds read in the relay's order, {@code (tx_id, global_index)}, and only rows whose transaction is older than
 * every running one, so a transaction that commits late cannot slip behind the reader (see the command side's
 * {@code EventStoreFeed}).
 */
@Component
public class EventStoreReader implements DisposableBean {

    /** Where a reader in relay order stands: the last row read. */
    public record Position(String txId, long globalIndex) {
        public static final Position START = new Position("0", 0);
    }

    /** A row with its place in relay order. */
    public record Settled(Position position, EventRow row) {
    }

    private static final String COLUMNS = EventRow.columns("");

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    EventStoreReader(@Value("${perfledger.event-store.url}") String url,
                     @Value("${perfledger.event-store.username}") String username,
                     @Value("${perfledger.event-store.password:}") String password,
                     @Value("${perfledger.event-store.schema:eventstore}") String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store-reader");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setSchema(schema);
        config.setReadOnly(true);
        // prepared on the server from the first run, so rows come in binary: no hex text to decode for each bytea
        config.addDataSourceProperty("prepareThreshold", "-1");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // the pool may start before the command side has made its schema; connect when first asked
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every event of the scope's streams recorded up to {@code until} (inclusive; null for all), in the order they
     * were appended, streamed through a cursor.
     */
    public void forEach(Streams.Scope scope, Instant until, Consumer<EventRow> each) {
        forEach(scope, null, until, each);
    }

    /** As {@link #forEach(Streams.Scope, Instant, Consumer)}, only those recorded after {@code after} (exclusive). */
    public void forEach(Streams.Scope scope, Instant after, Instant until, Consumer<EventRow> each) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (Streams.Match match : scope.matches()) {
            where.append(where.isEmpty() ? "(" : " OR ");
            where.append(match.prefix() ? "aggregate_identifier LIKE ? ESCAPE '\\'" : "aggregate_identifier = ?");
            arguments.add(match.likePattern());
        }
        where.append(")");
        if (after != null) {
            where.append(" AND time_stamp::timestamptz > ?");
            arguments.add(Timestamp.from(after));
        }
        if (until != null) {
            where.append(" AND time_stamp::timestamptz <= ?");
            arguments.add(Timestamp.from(until));
        }
        readOnly.executeWithoutResult(status -> jdbc.query("SELECT " + COLUMNS + " FROM " + EventRow.CONTRACT + " WHERE "
                + where + " ORDER BY global_index", (ResultSet row) -> {
                    EventRow event = EventRow.read(row);
                    if (scope.contains(event.aggregateIdentifier())) {
                        each.accept(event);
                    }
                }, arguments.toArray()));
    }

    /** A district's chain head: its last link by an instant, the hash anyone who kept it can compare. */
    public record ChainHead(long position, String hash, Instant chainedAt) {
    }

    /** The district's chain head as it stood just before {@code before}, or empty if its chain had not begun. */
    public Optional<ChainHead> chainHead(String district, Instant before) {
        return readOnly.execute(status -> jdbc.query("SELECT position, hash, chained_at FROM event_chain_v1 "
                        + "WHERE district = ? AND chained_at < ? ORDER BY position DESC LIMIT 1",
                (row, n) -> new ChainHead(row.getLong(1), HexFormat.of().formatHex(row.getBytes(2)),
                        row.getTimestamp(3).toInstant()), district, Timestamp.from(before))).stream().findFirst();
    }

    /** Up to {@code limit} settled events after {@code after}, in relay order. */
    public List<Settled> settledAfter(Position after, int limit) {
        return readOnly.execute(status -> jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(EventRow.SETTLED_AFTER);
            select.setString(1, after.txId());
            select.setLong(2, after.globalIndex());
            select.setInt(3, limit);
            return select;
        }, (row, n) -> settled(row)));
    }

    /**
     * Every settled event after {@code after}, in relay order, streamed through one cursor (a replay of the whole
     * store); answers the position of the last one, or {@code after} when there was none.
     */
    public Position forEachSettled(Position after, Consumer<Settled> each) {
        Position[] last = {after};
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(EventRow.SETTLED_AFTER);
            select.setFetchSize(5_000);
            select.setString(1, after.txId());
            select.setLong(2, after.globalIndex());
            select.setInt(3, Integer.MAX_VALUE);
            return select;
        }, (ResultSet row) -> {
            Settled settled = settled(row);
            each.accept(settled);
            last[0] = settled.position();
        }));
        return last[0];
    }

    /** How many events the store holds: what a full replay has ahead of it. */
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + EventRow.CONTRACT, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The district's auditors' reads of the record the command side keeps (its access audit), newest first; none
     * where the command side has no such table yet.
     */
    public List<Map<String, Object>> accessAudit(String district, int limit) {
        Boolean kept = jdbc.queryForObject("SELECT to_regclass('access_audit') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(kept)) {
            return List.of();
        }
        return jdbc.queryForList("SELECT subject, roles, method, path, query, status, read_at FROM access_audit "
                + "WHERE district = ? ORDER BY read_at DESC LIMIT ?", district, limit);
    }

    private static Settled settled(ResultSet row) throws SQLException {
        EventRow event = EventRow.read(row);
        return new Settled(new Position(row.getString("tx_text"), event.globalIndex()), event);
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
