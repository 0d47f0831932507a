package org.perfledger.infra.lifecycle;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A service's background loop on a daemon thread of its own, started and stopped with the application context: the
 * relay of the command service, the waits for read-model versions of the query service. {@link #loop} runs until
 * {@link #running()} turns false; stopping interrupts the thread and waits for it a while.
 */
public abstract class DaemonLoop implements SmartLifecycle {

    private final String threadName;
    private final Duration stopWait;
    private volatile boolean running;
    private Thread worker;

    protected DaemonLoop(String threadName, Duration stopWait) {
        this.threadName = threadName;
        this.stopWait = stopWait;
    }

    /** The loop; it should return soon after {@link #running()} turns false or its thread is interrupted. */
    protected abstract void loop();

    /** Whether the loop should go on. */
    protected final boolean running() {
        return running;
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public final void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = worker;
            worker = null;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }
}
