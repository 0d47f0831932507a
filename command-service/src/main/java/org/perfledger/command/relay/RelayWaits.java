package org.perfledger.command.relay;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long the relay waits before its next look, as a policy. After a round that found nothing it waits for a nudge,
 * at most the poll interval. After a round that found committed events held back by an older transaction still
 * running, it depends on who may hold them:
 * <ul>
 *   <li>while this instance's own commands are running, they are the likely holders, and each wakes the relay as it
 *   ends: it waits for that, {@link #LOCAL_WAIT} at most (looking every settle interval only added rounds under load,
 *   commands at 8 clients fell from 821/s to 487/s);</li>
 *   <li>otherwise the holder may never wake it (another service's transaction on the same server): it looks every
 *   settle interval for the settle patience, since such a holder usually ends within milliseconds (a read-model
 *   batch), then waits half as long as the hold has lasted, up to the poll interval (a long import). Doubling from the
 *   first round, as it once did, overshot a 30 ms holder by 30 ms: a lag stall.</li>
 * </ul>
 * One relay thread asks it; commands on any thread tell it when they begin and end.
 */
final class RelayWaits {

    /** The longest wait for held-back events while this instance's own commands are running. */
    static final Duration LOCAL_WAIT = Duration.ofMillis(10);

    private final RelayProperties properties;
    /** Commands of this instance whose transactions are running: each wakes the relay as it ends. */
    private final AtomicInteger writing = new AtomicInteger();
    /** When the rounds that keep finding events held back began (System.nanoTime), or 0. */
    private long heldSince;

    RelayWaits(RelayProperties properties) {
        this.properties = properties;
    }

    void writing() {
        writing.incrementAndGet();
    }

    void written() {
        writing.decrementAndGet();
    }

    /** The wait (ms) after a round that found nothing more to send, {@code heldBack} or not. */
    long after(boolean heldBack) {
        if (!heldBack) {
            heldSince = 0;
            return properties.pollInterval().toMillis();
        }
        long now = System.nanoTime();
        heldSince = heldSince == 0 ? now : heldSince;
        long held = Duration.ofNanos(now - heldSince).toMillis();
        long settle = properties.settleInterval().toMillis();
        long poll = properties.pollInterval().toMillis();
        if (writing.get() > 0) {
            return Math.max(settle, Math.min(LOCAL_WAIT.toMillis(), poll));
        }
        if (held < properties.settlePatience().toMillis()) {
            return settle;
        }
        return Math.max(settle, Math.min(held / 2, poll));
    }

    /** A full batch went out: a hold, if there was one, is over. */
    void flowing() {
        heldSince = 0;
    }
}
