package org.perfledger.query.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.perfledger.infra.lifecycle.PostgresChannel;
import org.perfledger.query.platform.BackgroundWorker;
import org.perfledger.query.platform.ConflictException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.ProjectionApplier;
import org.perfledger.query.replay.EventStoreReader.Positions;
import org.perfledger.query.replay.EventStoreReader.Settled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops and rebuilds every read model from the event store (not from Kafka), blue/green: the projections replay the
 * whole store, its streams folded on several threads ({@link PartitionedReplay}, {@code perfledger.rebuild.workers},
 * by default one per processor), into a schema of their own while the live service keeps answering from, and the
 * consumers keep writing to, the live tables. At the end, holding the lock every consumer batch holds shared, the rebuild catches up with the
 * store, compares its tables with the live ones row by row, and (unless only checking) swaps the schemas in one
 * transaction; the consumers then go on in the rebuilt tables, where what they bring again is dropped as a duplicate.
 *
 * <p>The comparison leaves out the streams the live side has not caught up with yet (events the store holds that Kafka
 * has not delivered): their rows are expected to differ and are counted as in flight. Any other difference is a row
 * the live read models hold that a fresh replay does not produce, or the reverse.
 *
 * <p>One rebuild at a time in the whole cluster (a session advisory lock). Progress is kept by the instance that runs
 * it.
 */
@Component
public class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final long REBUILD_LOCK = 0x5045_5246_5245_4255L; // "PERFREBU"
    /** Events per transaction of the final catch-up. */
    private static final int BATCH = 500;
    /** Events between two updates of the progress. */
    private static final int PROGRESS_STEP = 5_000;

    /** The channel a swap is announced on, its payload the rebuild's id. */
    static final String SWAPS = "perfledger_read_models_swapped";

    /** Told once a rebuild's tables have been swapped in: the live read models are new. */
    public record ReadModelsSwapped(String rebuild) {
    }

    /**
     * Told as a rebuild starts: it is about to hold a district's rows in memory, so what the service remembers of the
     * views (scorecards, overviews, plan documents) is let go until the rebuild is over; {@link ReadModelsSwapped} or
     * the next read brings it back.
     */
    public record ReadModelsRebuilding(String rebuild) {
    }

    /**
     * A rebuild as it stands; {@code phaseSeconds} holds how long each phase took (queued, preparing, replaying,
     * writing, analyzing, catching-up, comparing, swapping), in the order they ran, the running one up to now.
     */
    public record Status(String id, boolean swap, String requestedBy, int workers, String state, String phase,
                         long applied, long total, BigDecimal eventsPerSecond, Long secondsLeft, Instant startedAt,
                         Instant finishedAt, Map<String, BigDecimal> phaseSeconds, String error,
                         ReadModelComparison.Comparison comparison) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStoreReader store;
    private final ProjectionApplier applier;
    private final ReadModelTables tables;
    private final ReadModelComparison comparisons;
    private final RebuildSchemas schemas;
    /** Threads a rebuild folds the store's streams on ({@link PartitionedReplay}). */
    private final int workers;
    private final ExecutorService worker = BackgroundWorker.single("read-model-rebuild", Thread.NORM_PRIORITY);
    private final ApplicationEventPublisher publisher;
    private final PostgresChannel swaps;
    private volatile boolean rebuilding;
    private final Map<String, RebuildProgress> rebuilds = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong appliedGauge = new AtomicLong();

    ReadModelRebuilds(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      EventStoreReader store, ProjectionApplier applier, ReadModelTables tables,
                      ReadModelComparison comparisons, MeterRegistry registry, ApplicationEventPublisher publisher,
                      @Value("${perfledger.rebuild.workers:0}") int workers) {
        this.workers = workers > 0 ? Math.min(workers, 64) : Runtime.getRuntime().availableProcessors();
        this.publisher = publisher;
        this.dataSource = dataSource;
        this.swaps = new PostgresChannel(dataSource, SWAPS);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.store = store;
        this.applier = applier;
        this.tables = tables;
        this.comparisons = comparisons;
        this.schemas = new RebuildSchemas(jdbc, tables);
        Gauge.builder("perfledger.rebuild.applied", appliedGauge, AtomicLong::get)
                .description("Events replayed by the running (or last) read-model rebuild").register(registry);
    }

    /**
     * Starts a rebuild in the background.
     *
     * @param swap false to build and compare only, leaving the live read models as they are
     * @throws ConflictException when a rebuild is already running anywhere in the cluster
     */
    public Status start(boolean swap, String requestedBy) {
        Connection lock = lock();
        RebuildProgress rebuild = registered(swap, requestedBy);
        worker.submit(() -> runHolding(lock, rebuild));
        return rebuild.status();
    }

    /**
     * Runs a rebuild on the calling thread, to its end: how a rebuild runs as a process of its own
     * ({@link RebuildJob}).
     *
     * @throws ConflictException when a rebuild is already running anywhere in the cluster
     */
    public Status runHere(boolean swap, String requestedBy) {
        Connection lock = lock();
        RebuildProgress rebuild = registered(swap, requestedBy);
        runHolding(lock, rebuild);
        return rebuild.status();
    }

    private RebuildProgress registered(boolean swap, String requestedBy) {
        RebuildProgress rebuild = new RebuildProgress(UUID.randomUUID().toString(), swap, requestedBy, workers);
        rebuilds.put(rebuild.id, rebuild);
        return rebuild;
    }

    /** Runs the rebuild and lets go of the cluster's rebuild lock, whatever happens. */
    private void runHolding(Connection lock, RebuildProgress rebuild) {
        try {
            run(rebuild);
        } finally {
            release(lock);
        }
    }

    /** The cluster's one rebuild lock, held by the connection until {@link #release}. */
    private Connection lock() {
        Connection lock;
        try {
            lock = dataSource.getConnection();
            lock.setAutoCommit(true);
            boolean acquired;
            try (Statement statement = lock.createStatement();
                 var result = statement.executeQuery("SELECT pg_try_advisory_lock(" + REBUILD_LOCK + ")")) {
                result.next();
                acquired = result.getBoolean(1);
            }
            if (!acquired) {
                lock.close();
                throw new ConflictException("rebuild", "rebuild.running", "a rebuild of the read models is already "
                        + "running; follow it, or wait until it ends");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
        return lock;
    }

    /** Whether this instance ran the rebuild of that id. */
    boolean ran(String id) {
        return rebuilds.containsKey(id);
    }

    /** Whether this instance is rebuilding the read models now. */
    public boolean rebuilding() {
        return rebuilding;
    }

    /** @throws NotFoundException for an id this instance did not run */
    public Status status(String id) {
        RebuildProgress rebuild = rebuilds.get(id);
        if (rebuild == null) {
            throw new NotFoundException("id", "rebuild.not-found", "no rebuild " + id + " was run by this instance");
        }
        return rebuild.status();
    }

    /** The rebuilds this instance ran, newest first. */
    public List<Status> all() {
        List<Status> all = new ArrayList<>();
        synchronized (rebuilds) {
            rebuilds.values().forEach(rebuild -> all.add(0, rebuild.status()));
        }
        return all;
    }

    private void run(RebuildProgress rebuild) {
        String live = tables.schema();
        String target = RebuildSchemas.target(live);
        rebuilding = true;
        publisher.publishEvent(new ReadModelsRebuilding(rebuild.id));
        try {
            rebuild.phase("preparing");
            transactions.executeWithoutResult(status -> schemas.prepare(live));
            rebuild.total = store.count();
            rebuild.phase("replaying");
            Positions replayed;
            try (PartitionedReplay<Settled> replay = new PartitionedReplay<>(workers,
                    settled -> settled.row().aggregateIdentifier(), PartitionedReplay::decode)) {
                replayed = store.forEachSettled(Positions.START, settled -> {
                    if (replay.accept(settled) % PROGRESS_STEP == 0) {
                        rebuild.appliedTo(replay.applied());
                        appliedGauge.set(replay.applied());
                    }
                });
                replay.finish();
                rebuild.appliedTo(replay.folded());
                appliedGauge.set(replay.folded());
                List<String> holes = replay.incompleteStreams();
                if (!holes.isEmpty()) {
                    throw new IllegalStateException("the event store has holes in its streams: " + holes);
                }
                rebuild.phase("writing");
                transactions.executeWithoutResult(status -> {
                    try {
                        replay.copyInto(DataSourceUtils.getConnection(dataSource), target);
                    } catch (SQLException | IOException e) {
                        throw new IllegalStateException("the rebuilt read models could not be written", e);
                    }
                });
            }
            rebuild.phase("analyzing");
            schemas.analyze(live);
            transactions.executeWithoutResult(status -> {
                rebuild.phase("catching-up");
                jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> { }, ProjectionApplier.SWAP_LOCK);
                Positions at = replayed;
                List<Settled> rest;
                while (!(rest = store.settledAfter(at, BATCH)).isEmpty()) {
                    replayInTransaction(target, rest);
                    at = at.past(rest.get(rest.size() - 1));
                    rebuild.applied(rest.size());
                }
                rebuild.phase("comparing");
                rebuild.comparison = comparisons.compare(live, target);
                if (rebuild.swap) {
                    rebuild.phase("swapping");
                    schemas.swap(live);
                    // delivered as the swap commits, to every serving instance (RemoteSwaps)
                    announceSwap(rebuild.id);
                } else {
                    schemas.dropTarget(live);
                }
            });
            rebuilding = false;
            if (rebuild.swap) {
                schemas.dropRetired(live);
                publisher.publishEvent(new ReadModelsSwapped(rebuild.id));
            }
            rebuild.finish(null);
            log.info("Read-model rebuild {} done: {} events, {}", rebuild.id, rebuild.applied,
                    rebuild.comparison.equal() ? "equal to the live read models"
                            : "DIFFERENT from the live read models: " + rebuild.comparison);
        } catch (RuntimeException e) {
            rebuilding = false;
            log.error("Read-model rebuild {} failed", rebuild.id, e);
            rebuild.finish(e.getMessage() == null ? e.toString() : e.getMessage());
            try {
                schemas.dropTarget(live);
            } catch (RuntimeException cleanup) {
                log.warn("Could not drop {} after a failed rebuild", target, cleanup);
            }
        }
    }

    private void announceSwap(String id) {
        try {
            swaps.send(DataSourceUtils.getConnection(dataSource), id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not announce the swap", e);
        }
    }

    private void replayInTransaction(String target, List<Settled> batch) {
        jdbc.execute("SET LOCAL search_path TO " + ReadModelTables.searchPath(target));
        List<DecodedEvent> events = new ArrayList<>(batch.size());
        for (Settled settled : batch) {
            events.add(PartitionedReplay.decode(settled));
        }
        applier.replay(events);
        jdbc.execute("SET LOCAL search_path TO " + ReadModelTables.searchPath(tables.schema()));
    }

    private static void release(Connection lock) {
        try (lock; Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + REBUILD_LOCK + ")");
        } catch (SQLException e) {
            log.warn("Could not release the rebuild lock; it goes with the connection", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
