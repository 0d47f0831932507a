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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.ShardMap;
import org.perfledger.query.platform.BackgroundWorker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store, read directly (not through Kafka) for replays: a view as it stood at an instant, and rebuilds of
 * every read model. Read-only, on a small pool of its own ({@code perfledger.event-store.*}; in production a read-only
 * role, or a replica of the command side's database).
 *
 * <p>On a sharded platform ({@code perfledger.sharding.map}, see {@link ShardMap}) there is one store per shard, each
 * with its pool: what concerns a district is read from the store of the shard that keeps it; a rebuild reads every
 * store, one after another, and knows where it stands in each ({@link Positions}). A district's streams are all in one
 * store, so an aggregate's events keep their order.
 *
 * <p>Rebuilds read each store in the relay's order, {@code (tx_id, global_index)}, and only rows whose transaction is
 * older than every running one, so a transaction that commits late cannot slip behind the reader (see the command
 * side's {@code EventStoreFeed}).
 */
@Component
public class EventStoreReader implements DisposableBean {

    /** Where a reader in one store's relay order stands: the last row read. */
    public record Position(String txId, long globalIndex) {
        public static final Position START = new Position("0", 0);
    }

    /** Where a reader stands in every store: a store it has not read yet is at its start. */
    public record Positions(Map<String, Position> byStore) {
        public static final Positions START = new Positions(Map.of());

        public Positions {
            byStore = Map.copyOf(byStore);
        }

        public Position in(String store) {
            return byStore.getOrDefault(store, Position.START);
        }

        /** Past this row of its store. */
        public Positions past(Settled settled) {
            Map<String, Position> moved = new LinkedHashMap<>(byStore);
            moved.put(settled.store(), settled.position());
            return new Positions(moved);
        }
    }

    /** A row with its store (the shard's name; {@link #UNSHARDED} when there is one) and its place in relay order. */
    public record Settled(String store, Position position, EventRow row) {
    }

    /** The one store of the unsharded platform. */
    public static final String UNSHARDED = "event-store";

    private static final String COLUMNS = EventRow.columns("");

    /** One event store: a shard's, or the only one. */
    private record Store(String name, HikariDataSource dataSource, JdbcTemplate jdbc, TransactionTemplate readOnly) {

        static Store open(String name, String url, String username, String password, String schema) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("event-store-reader-" + name);
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
            HikariDataSource dataSource = new HikariDataSource(config);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.setFetchSize(1_000);
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            readOnly.setReadOnly(true);
            return new Store(name, dataSource, jdbc, readOnly);
        }
    }

    private final ShardMap shards;
    private final Map<String, Store> stores = new LinkedHashMap<>();

    EventStoreReader(@Value("${perfledger.event-store.url}") String url,
                     @Value("${perfledger.event-store.username}") String username,
                     @Value("${perfledger.event-store.password:}") String password,
                     @Value("${perfledger.event-store.schema:eventstore}") String schema,
                     ShardMap shards) {
        this.shards = shards;
        if (shards.unsharded()) {
            stores.put(UNSHARDED, Store.open(UNSHARDED, url, username, password, schema));
        } else {
            for (ShardMap.Shard shard : shards.shards()) {
                stores.put(shard.name(), Store.open(shard.name(), shard.eventStoreUrl(), username, password, schema));
            }
        }
    }

    /** The store that keeps the district's streams; empty where no shard keeps it. */
    private Optional<Store> storeOf(DistrictId district) {
        if (shards.unsharded()) {
            return Optional.of(stores.get(UNSHARDED));
        }
        return shards.keeper(district).map(shard -> stores.get(shard.name()));
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
        Optional<Store> kept = storeOf(scope.district());
        if (kept.isEmpty()) {
            return;
        }
        Store store = kept.get();
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
        store.readOnly().executeWithoutResult(status -> store.jdbc().query("SELECT " + COLUMNS + " FROM "
                + EventRow.CONTRACT + " WHERE " + where + " ORDER BY global_index", (ResultSet row) -> {
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
        return storeOf(DistrictId.of(district)).flatMap(store -> store.readOnly().execute(status -> store.jdbc().query(
                "SELECT position, hash, chained_at FROM event_chain_v1 WHERE district = ? AND chained_at < ? "
                        + "ORDER BY position DESC LIMIT 1",
                (row, n) -> new ChainHead(row.getLong(1), HexFormat.of().formatHex(row.getBytes(2)),
                        row.getTimestamp(3).toInstant()), district, Timestamp.from(before))).stream().findFirst());
    }

    /**
     * Up to {@code limit} settled events after {@code after}, in relay order, from the first store (in the shard
     * map's order) that has any; none when no store has.
     */
    public List<Settled> settledAfter(Positions after, int limit) {
        for (Store store : stores.values()) {
            Position from = after.in(store.name());
            List<Settled> settled = store.readOnly().execute(status -> store.jdbc().query(
                    settledAfter(from, limit, 0), (row, n) -> settled(store, row)));
            if (settled != null && !settled.isEmpty()) {
                return settled;
            }
        }
        return List.of();
    }

    /**
     * Every settled event after {@code after}, in each store's relay order, streamed through one cursor a store (a
     * replay of the whole record); answers where it stopped in each. A sharded platform's stores are read at the same
     * time, each on a thread of its own, and {@code each} is called by one of them at a time: a store's events in its
     * order, the stores' interleaved (a district, and so each of its streams, is kept by one store).
     */
    public Positions forEachSettled(Positions after, Consumer<Settled> each) {
        Map<String, Position> last = new ConcurrentHashMap<>(after.byStore());
        if (stores.size() == 1) {
            readSettled(stores.values().iterator().next(), after, each, last);
            return new Positions(last);
        }
        Object turn = new Object();
        Consumer<Settled> oneAtATime = settled -> {
            synchronized (turn) {
                each.accept(settled);
            }
        };
        ExecutorService readers = BackgroundWorker.threads("event-store-replay", stores.size(), Thread.NORM_PRIORITY);
        try {
            List<Future<?>> reading = new ArrayList<>();
            for (Store store : stores.values()) {
                reading.add(readers.submit(() -> readSettled(store, after, oneAtATime, last)));
            }
            for (Future<?> read : reading) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failed ? failed
                    : new IllegalStateException("the replay failed", e.getCause());
        } finally {
            readers.shutdownNow();
        }
        return new Positions(last);
    }

    /** One store's settled rows after its position in {@code after}; where it stopped goes into {@code last}, once. */
    private void readSettled(Store store, Positions after, Consumer<Settled> each, Map<String, Position> last) {
        Position from = after.in(store.name());
        Settled[] latest = {null};
        store.readOnly().executeWithoutResult(status -> store.jdbc().query(
                settledAfter(from, Integer.MAX_VALUE, 5_000), (ResultSet row) -> {
                    Settled settled = settled(store, row);
                    each.accept(settled);
                    latest[0] = settled;
                }));
        if (latest[0] != null) {
            last.put(store.name(), latest[0].position());
        }
    }

    /** How many events the stores hold: what a full replay has ahead of it. */
    public long count() {
        long count = 0;
        for (Store store : stores.values()) {
            Long held = store.jdbc().queryForObject("SELECT count(*) FROM " + EventRow.CONTRACT, Long.class);
            count += held == null ? 0 : held;
        }
        return count;
    }

    /**
     * The district's auditors' reads of the record the command side keeps (its access audit), newest first; none
     * where the command side has no such table yet.
     */
    public List<Map<String, Object>> accessAudit(String district, int limit) {
        Optional<Store> kept = storeOf(DistrictId.of(district));
        if (kept.isEmpty()) {
            return List.of();
        }
        JdbcTemplate jdbc = kept.get().jdbc();
        Boolean exists = jdbc.queryForObject("SELECT to_regclass('access_audit') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(exists)) {
            return List.of();
        }
        return jdbc.queryForList("SELECT subject, roles, method, path, query, status, read_at FROM access_audit "
                + "WHERE district = ? ORDER BY read_at DESC LIMIT ?", district, limit);
    }

    /** The settled rows after a position of one store, in relay order; {@code fetchSize} 0: the template's. */
    private static PreparedStatementCreator settledAfter(Position from, int limit, int fetchSize) {
        return connection -> {
            PreparedStatement select = connection.prepareStatement(EventRow.SETTLED_AFTER);
            if (fetchSize > 0) {
                select.setFetchSize(fetchSize);
            }
            select.setString(1, from.txId());
            select.setLong(2, from.globalIndex());
            select.setInt(3, limit);
            return select;
        };
    }

    private static Settled settled(Store store, ResultSet row) throws SQLException {
        EventRow event = EventRow.read(row);
        return new Settled(store.name(), new Position(row.getString("tx_text"), event.globalIndex()), event);
    }

    @Override
    public void destroy() {
        stores.values().forEach(store -> store.dataSource().close());
    }
}
