package org.perfledger.query.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.perfledger.infra.lifecycle.DaemonLoop;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.projection.ProjectionApplier;
import org.perfledger.query.readmodel.PlanKeys;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for a plan: a client that sent a command holds the version the command service answered with, and
 * waits here until the plan's read model has reached it, instead of reading the whole plan again and again.
 *
 * <p>One thread listens on the read model database for the projections' commits ({@link
 * ProjectionApplier#APPLIED_CHANNEL}, sent by whichever query-service instance applied the batch), then reads the
 * versions of the plans waited for in one query and lets go of those that have arrived. Without a notification it
 * still looks every {@link #RECHECK}, so a notification lost with a dropped connection delays a waiter, never strands
 * it. Each wait ends at its deadline whether or not the version came; the caller then answers what there is.
 */
@Component
public class PlanVersionWaits extends DaemonLoop {

    private static final Logger log = LoggerFactory.getLogger(PlanVersionWaits.class);
    /** The longest a request may wait for its version. */
    public static final Duration LONGEST = Duration.ofSeconds(10);
    /** Waits held at once; beyond it a request is answered at once with what there is. */
    static final int MOST_WAITING = 2_000;
    static final Duration RECHECK = Duration.ofMillis(250);

    private record Waiter(PlanId plan, long version, long deadline, CompletableFuture<Boolean> arrived) {
    }

    private final DataSource dataSource;
    /** Where the waiters go on: never the listening thread, whose next look must not wait for their reads. */
    private final Executor executor;
    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Object signal = new Object();

    public PlanVersionWaits(DataSource dataSource, @Qualifier("applicationTaskExecutor") Executor executor) {
        super("plan-version-waits", Duration.ofSeconds(5));
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /**
     * Completes with true once the plan's read model is at {@code version} or beyond, with false when {@link #LONGEST}
     * passed first (or too many requests wait already, or the service stops).
     */
    public CompletableFuture<Boolean> reached(PlanId plan, long version) {
        CompletableFuture<Boolean> arrived = new CompletableFuture<>();
        if (!running()) {
            arrived.complete(false);
            return arrived;
        }
        if (count.incrementAndGet() > MOST_WAITING) {
            count.decrementAndGet();
            arrived.complete(false);
            return arrived;
        }
        waiting.add(new Waiter(plan, version, System.nanoTime() + LONGEST.toNanos(), arrived));
        synchronized (signal) {
            signal.notifyAll();
        }
        return arrived;
    }

    @Override
    protected void loop() {
        Connection connection = null;
        while (running()) {
            try {
                if (connection == null) {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(true);
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + ProjectionApplier.APPLIED_CHANNEL);
                    }
                }
                if (waiting.isEmpty()) {
                    synchronized (signal) {
                        if (waiting.isEmpty() && running()) {
                            signal.wait(RECHECK.toMillis());
                        }
                    }
                    // drop what was notified while nobody waited
                    connection.unwrap(PGConnection.class).getNotifications(1);
                    continue;
                }
                check(connection);
                connection.unwrap(PGConnection.class).getNotifications((int) RECHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                log.warn("Waiting for read-model versions failed; trying again: {}", e.toString());
                close(connection);
                connection = null;
                try {
                    Thread.sleep(RECHECK.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close(connection);
        Waiter left;
        while ((left = waiting.poll()) != null) {
            release(left, false);
        }
    }

    /** Reads the versions of every plan waited for, in one query, and lets go of the arrived and the expired. */
    private void check(Connection connection) throws SQLException {
        Map<List<Object>, Long> versions = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT p.district, p.department_id, p.fiscal_year, "
                + "p.plan_key, p.version FROM " + PlanKeys.MANY + " JOIN plan p USING (district, department_id, "
                + "fiscal_year, plan_key)")) {
            read.setString(1, PlanKeys.json(waiting.stream().map(Waiter::plan).distinct().toList()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    versions.put(List.of(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4)),
                            rows.getLong(5));
                }
            }
        }
        long clock = System.nanoTime();
        // only this thread takes waiters out, so each goes once
        for (Iterator<Waiter> each = waiting.iterator(); each.hasNext(); ) {
            Waiter waiter = each.next();
            Long version = versions.get(List.of(PlanKeys.of(waiter.plan())));
            boolean arrived = version != null && version >= waiter.version();
            if (arrived || clock - waiter.deadline() >= 0) {
                each.remove();
                count.decrementAndGet();
                release(waiter, arrived);
            }
        }
    }

    private void release(Waiter waiter, boolean arrived) {
        try {
            executor.execute(() -> waiter.arrived().complete(arrived));
        } catch (RejectedExecutionException e) {
            waiter.arrived().complete(arrived); // the pool is stopping: at once
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the listening connection failed", e);
            }
        }
    }
}
