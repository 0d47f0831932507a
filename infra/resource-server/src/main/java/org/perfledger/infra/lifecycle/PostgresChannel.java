package org.perfledger.infra.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to a PostgreSQL notification channel on a pooled connection of its own, on a daemon thread, while
 * {@link #listen started}: how one process tells others something happened in the database (the command services'
 * commits, a rebuild's swap). A notification is a hint: PostgreSQL drops them while nobody listens, so whatever acts
 * on one must also be right without it ({@code onListening} runs each time listening begins, to catch up).
 */
public final class PostgresChannel {

    private static final Logger log = LoggerFactory.getLogger(PostgresChannel.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** How long a blocked wait lasts before it looks whether it should stop. */
    private static final int WAIT_SLICE_MS = 500;

    private final DataSource dataSource;
    private final String channel;
    private volatile boolean listening;
    private Thread listener;

    public PostgresChannel(DataSource dataSource, String channel) {
        if (!NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
    }

    /** Sends a notification on the channel, on the given connection (delivered when its transaction commits). */
    public void send(Connection connection, String payload) throws SQLException {
        try (var notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /**
     * Starts listening, unless already.
     *
     * @param onListening run each time listening (re)starts: what was sent while nobody listened is caught up here
     * @param onPayloads  run with each batch of payloads received
     */
    public synchronized void listen(Runnable onListening, Consumer<List<String>> onPayloads) {
        if (listener != null) {
            return;
        }
        listening = true;
        listener = new Thread(() -> loop(onListening, onPayloads), "listen-" + channel);
        listener.setDaemon(true);
        listener.start();
    }

    public boolean listening() {
        return listening;
    }

    /** Stops listening and waits a while for the thread. */
    public synchronized void stop() {
        listening = false;
        Thread current = listener;
        listener = null;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop(Runnable onListening, Consumer<List<String>> onPayloads) {
        while (listening && !Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection(); Statement listen = connection.createStatement()) {
                connection.setAutoCommit(true);
                listen.execute("LISTEN " + channel);
                try {
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    onListening.run();
                    while (listening && !Thread.currentThread().isInterrupted()) {
                        PGNotification[] arrived = notifications.getNotifications(WAIT_SLICE_MS);
                        if (arrived != null && arrived.length > 0) {
                            List<String> payloads = new ArrayList<>(arrived.length);
                            for (PGNotification notification : arrived) {
                                payloads.add(notification.getParameter());
                            }
                            onPayloads.accept(payloads);
                        }
                    }
                } finally {
                    // the connection goes back to the pool: it must not keep listening there
                    unlisten(listen);
                }
            } catch (SQLException | RuntimeException e) {
                if (!listening || Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Listening on {} failed; listening again: {}", channel, e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(WAIT_SLICE_MS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void unlisten(Statement listen) {
        try {
            listen.execute("UNLISTEN " + channel);
        } catch (SQLException e) {
            log.debug("UNLISTEN {} failed; the connection is likely gone: {}", channel, e.toString());
        }
    }
}
