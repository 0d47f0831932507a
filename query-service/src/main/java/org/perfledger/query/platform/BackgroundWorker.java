package org.perfledger.query.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One daemon thread of the service's own for work in the background (a rebuild, warming what is remembered). */
public final class BackgroundWorker {

    private BackgroundWorker() {
    }

    /** A single thread named {@code name}, at {@code priority}, that does not hold the service up when it stops. */
    public static ExecutorService single(String name, int priority) {
        return threads(name, 1, priority);
    }

    /** {@code count} such threads, each named {@code name}. */
    public static ExecutorService threads(String name, int count, int priority) {
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        });
    }
}
