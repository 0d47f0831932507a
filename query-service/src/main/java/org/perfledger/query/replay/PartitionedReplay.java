package org.perfledger.query.replay;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.ReadModel;
import org.perfledger.query.replay.EventStoreReader.Settled;

/**
 * A whole store's replay folded on several threads: every stream's rows go, in store order, to the one partition its
 * aggregate id hashes to, and each partition decodes its rows and folds them into a read model of its own. The read
 * models' rows are each a stream's, so the partitions' models hold disjoint rows and are written one after the other
 * into the same tables; what one partition parks for a missing event is that stream's, as in one model.
 *
 * <p>The reading thread only hands rows over; decoding the payloads, half of a single-threaded rebuild, moves to the
 * partitions. A partition's queue is bounded, so the reader waits for the slowest partition rather than filling the
 * heap.
 */
final class PartitionedReplay<T> implements AutoCloseable {

    /** Rows handed over to a partition at a time. */
    private static final int HANDOVER = 256;
    /** Handovers waiting per partition. */
    private static final int QUEUED = 16;
    private final List<T> end = new ArrayList<>(0);
    private final Function<T, String> streamOf;
    private final Function<T, DecodedEvent> decoder;

    private final ReadModel[] models;
    private final List<BlockingQueue<List<T>>> queues = new ArrayList<>();
    private final List<List<T>> pending = new ArrayList<>();
    private final Thread[] workers;
    private final AtomicLong applied = new AtomicLong();
    /** Items handed over, counted by the reading thread. */
    private long handed;
    private volatile RuntimeException failure;

    /**
     * @param streamOf the stream (aggregate id) of an item
     * @param decoder  the item as the event it holds
     */
    PartitionedReplay(int partitions, Function<T, String> streamOf, Function<T, DecodedEvent> decoder) {
        this.streamOf = streamOf;
        this.decoder = decoder;
        models = new ReadModel[partitions];
        workers = new Thread[partitions];
        for (int p = 0; p < partitions; p++) {
            models[p] = ReadModel.empty();
            queues.add(new ArrayBlockingQueue<>(QUEUED));
            pending.add(new ArrayList<>(HANDOVER));
            int partition = p;
            workers[p] = new Thread(() -> fold(partition), "read-model-rebuild-" + p);
            workers[p].setDaemon(true);
            workers[p].start();
        }
    }

    /**
     * Hands one item to its stream's partition (one caller at a time: the reading thread, or the readers of several
     * stores taking turns).
     *
     * @return how many items were handed over so far, this one included
     */
    long accept(T item) {
        int partition = Math.floorMod(streamOf.apply(item).hashCode(), models.length);
        List<T> rows = pending.get(partition);
        rows.add(item);
        if (rows.size() == HANDOVER) {
            handOver(partition, rows);
            pending.set(partition, new ArrayList<>(HANDOVER));
        }
        return ++handed;
    }

    /** Events handed to the partitions and folded so far, for progress while it runs. */
    long applied() {
        return applied.get();
    }

    /** Events applied, passed over or kept in place by every partition: once {@link #finish finished}. */
    long folded() {
        long folded = 0;
        for (ReadModel model : models) {
            folded += model.applied();
        }
        return folded;
    }

    /** Hands over what is left and waits for every partition to fold it; throws what a partition failed with. */
    void finish() {
        for (int p = 0; p < models.length; p++) {
            handOver(p, pending.get(p));
            handOver(p, end);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            }
        }
        throwIfFailed();
    }

    /** The streams some partition still waits on an event of. */
    List<String> incompleteStreams() {
        List<String> holes = new ArrayList<>();
        for (ReadModel model : models) {
            holes.addAll(model.incompleteStreams());
        }
        return holes;
    }

    /** Writes every partition's rows into the schema's tables, one partition after the other. */
    void copyInto(Connection connection, String schema) throws SQLException, IOException {
        for (ReadModel model : models) {
            model.copyInto(connection, schema);
        }
    }

    @Override
    public void close() {
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (ReadModel model : models) {
            model.close();
        }
    }

    private void handOver(int partition, List<T> rows) {
        if (rows.isEmpty() && rows != end) {
            return;
        }
        try {
            while (!queues.get(partition).offer(rows, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        }
        throwIfFailed();
    }

    private void fold(int partition) {
        ReadModel model = models[partition];
        try {
            while (true) {
                List<T> rows = queues.get(partition).take();
                if (rows == end) {
                    return;
                }
                for (T item : rows) {
                    model.apply(decoder.apply(item));
                }
                applied.addAndGet(rows.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            // let the reader go on handing over without blocking: it stops at its next handover
            queues.get(partition).clear();
        }
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** A stored event as the projection reads it. */
    static DecodedEvent decode(Settled settled) {
        return DecodedEvent.of(settled.row());
    }
}
