package org.perfledger.command.eventstore;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit: the commands handled at the same time share one database transaction, one commit (one WAL flush) and
 * bulk statements. Each command runs on its own thread as before (aggregate loaded, rules checked, events decided) and
 * is answered only after the transaction holding its events committed; what it writes waits in a
 * {@link PendingCommit} meanwhile. One writer thread takes whatever commands have finished since its last commit and
 * writes them together ({@link GroupWrites}); while it commits, the next group gathers, so a lone command waits for
 * no one and a busy service writes many commands per commit.
 *
 * <p>A refused command does not sink its neighbours: when a group's transaction fails (a concurrent writer took an
 * aggregate's next sequence number, a reused key, the database away), each of its commands is written again alone
 * and gets its own outcome.
 *
 * <p>It gives the command bus its transactions ({@link #transactions()}, {@link WritePathConfiguration}); the
 * snapshotter and the other writers (the event log import) keep Spring's.
 */
public final class GroupCommit implements SmartLifecycle {

    static final String RESOURCE = GroupCommit.class.getName() + ".pending";
    /** At most this many commands in one transaction; the queue holds a few groups. */
    static final int MAX_GROUP = 256;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<PendingCommit> queue = new ArrayBlockingQueue<>(4 * MAX_GROUP);
    private final GroupWrites writes;
    private final Runnable closeWriter;
    private final DistributionSummary groupSize;
    private final Timer groupWrite;
    private volatile boolean running;
    private Thread writer;

    GroupCommit(GroupWrites writes, MeterRegistry registry, Runnable closeWriter) {
        this.writes = writes;
        this.closeWriter = closeWriter;
        this.groupSize = DistributionSummary.builder("perfledger.commands.group")
                .description("Commands written in one transaction of the group commit")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.groupWrite = Timer.builder("perfledger.commands.group.write")
                .description("One group's transaction, from its first statement to its commit")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * The command bus's transactions. (Not a {@link TransactionManager} bean itself: Axon's Spring transaction manager
     * stays the one everything else uses.)
     */
    public TransactionManager transactions() {
        return this::startTransaction;
    }

    private Transaction startTransaction() {
        PendingCommit pending = new PendingCommit(this);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(RESOURCE, pending);
        }
        return pending;
    }

    void submit(PendingCommit pending) {
        if (!running) {
            throw new EventStoreException("the command service is stopping; the command was not stored");
        }
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted before the events were handed to the writer", e);
        }
    }

    /** Commands handed over and not yet taken by the writer. */
    int waiting() {
        return queue.size();
    }

    private void loop() {
        List<PendingCommit> group = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                PendingCommit first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                groupSize.record(group.size());
                groupWrite.record(() -> writes.write(group));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("group commit of {} commands failed", group.size(), e);
                EventStoreException failure = new EventStoreException("the events could not be stored", e);
                group.forEach(pending -> pending.failed(failure));
            } finally {
                group.clear();
            }
        }
    }

    /** Before the web server starts taking commands; stops after it has answered the last. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::loop, "group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = writer;
            writer = null;
        }
        if (current != null) {
            try {
                current.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeWriter.run();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
