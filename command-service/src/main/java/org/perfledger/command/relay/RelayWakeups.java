package org.perfledger.command.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.perfledger.infra.lifecycle.PostgresChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How commands of every command-service instance wake the one relay that leads, so it reads their events as they
 * commit rather than at its next poll: the leader's own commands nudge it in memory; an instance that does not lead
 * sends a PostgreSQL notification once its commands have committed ({@code pg_notify} on {@link #CHANNEL}, many
 * commands' endings folded into one), and the leader listens on a connection of its own. A notification only wakes
 * the relay: which events it reads is still the feed's rule (settled transactions only), so a lost or late
 * notification delays an event, never skips it, and the poll interval still bounds the wait.
 */
final class RelayWakeups {

    private static final Logger log = LoggerFactory.getLogger(RelayWakeups.class);
    /** The channel commands' commits are announced on. */
    static final String CHANNEL = "perfledger_events_committed";

    private final DataSource dataSource;
    private final PostgresChannel channel;
    private final Runnable wake;
    private final Semaphore committed = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean leading;
    private Thread notifier;

    /** @param wake what wakes this instance's relay (called from the listening thread) */
    RelayWakeups(DataSource dataSource, Runnable wake) {
        this.dataSource = dataSource;
        this.channel = new PostgresChannel(dataSource, CHANNEL);
        this.wake = wake;
    }

    synchronized void start() {
        running = true;
        notifier = daemon("relay-notifier", this::notifyLoop);
    }

    synchronized void stop() {
        running = false;
        stopListening();
        interrupt(notifier);
        notifier = null;
    }

    /** Whether this instance leads: its relay is woken in memory. */
    boolean leads() {
        return leading;
    }

    /** A command of this instance ended: a remote leader is woken by a notification (a leader here is not). */
    void commandEnded() {
        if (!leading) {
            committed.release();
        }
    }

    /**
     * This instance leads: it listens for the other instances' commits (anything committed before it listens is found
     * by the relay's own next round, which listening begins with).
     */
    synchronized void leading() {
        leading = true;
        if (running) {
            channel.listen(wake, payloads -> wake.run());
        }
    }

    /** This instance no longer leads. */
    synchronized void stopListening() {
        leading = false;
        channel.stop();
    }

    private void notifyLoop() {
        while (running) {
            try {
                committed.acquire();
                committed.drainPermits();
                if (leading) {
                    continue;
                }
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(true);
                    channel.send(connection, "");
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                // the leader's poll picks the events up; the next command notifies again
                log.debug("Could not announce committed commands to the relay: {}", e.toString());
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void interrupt(Thread thread) {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
