package org.perfledger.kernel.validation;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means a server PerfLedger depends on is out of reach for the moment (a database restarting or
 * failing over, its connections dropped or used up), as opposed to a fault: the services answer 503 with Retry-After
 * then. Looks through the causes and the suppressed exceptions (a commit that failed, then a rollback on the closed
 * connection).
 */
public final class Unavailable {

    private Unavailable() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable cause = next.poll();
            if (cause == null || !seen.add(cause)) {
                continue;
            }
            if (transientItself(cause)) {
                return true;
            }
            add(next, cause.getCause());
            for (Throwable suppressed : cause.getSuppressed()) {
                add(next, suppressed);
            }
            if (cause instanceof SQLException sql) {
                add(next, sql.getNextException());
            }
        }
        return false;
    }

    private static void add(Deque<Throwable> next, Throwable cause) {
        if (cause != null) {
            next.add(cause);
        }
    }

    private static boolean transientItself(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SocketException) {
            return true; // ConnectException is a SocketException too
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01..57P05: the server shut down, is starting, or recovers from a crash
            return state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || "Connection is closed".equals(sql.getMessage());
        }
        return cause.getClass().getName().equals("org.springframework.jdbc.CannotGetJdbcConnectionException");
    }

    /** The innermost message, for the log. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
