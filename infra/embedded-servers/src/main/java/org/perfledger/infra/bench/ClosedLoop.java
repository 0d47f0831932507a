package org.perfledger.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load both command benchmarks drive, PerfLedger's over HTTP and plain Axon's in process, and the figures they
 * report from it, written once so the two columns set side by side in BENCHMARKS.md mean the same thing: each client
 * a thread sending its next command as soon as the last was answered (or at a set pace), for a while.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Throughput and latency of one run. */
    public record Figures(double perSecond, double p50Ms, double p99Ms) {

        /** From each action's latency (ns) over the run's duration; zeros when nothing finished. */
        public static Figures of(List<Long> latencies, Duration duration) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Figures(sorted.size() / (duration.toMillis() / 1000.0),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6,
                    sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        }
    }

    /**
     * Runs {@code action} for each client on a thread of its own, over and over, for the duration: as fast as it
     * returns, or, when {@code perSecond} is above zero, paced so that all clients together start that many a second.
     *
     * @return the latency in nanoseconds of every action that finished while the run lasted
     */
    public static <C> List<Long> run(List<C> clients, Duration duration, double perSecond, Consumer<C> action)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long interval = perSecond > 0 ? (long) (1e9 * clients.size() / perSecond) : 0;
        List<Thread> threads = new ArrayList<>();
        for (C client : clients) {
            Thread thread = new Thread(() -> {
                long next = System.nanoTime();
                while (running.get()) {
                    if (interval > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        next += interval;
                    }
                    long start = System.nanoTime();
                    action.accept(client);
                    if (running.get()) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return new ArrayList<>(latencies);
    }
}
