package org.perfledger.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * One group's transaction: the idempotency claims with their answers in one {@code INSERT … ON CONFLICT DO NOTHING}
 * (a key another request claimed first answers this one with its answer, and its events are left out), then every
 * remaining command's events in one batch through Axon's JDBC append, in the order the commands came: the global
 * index, and with it each district's hash chain (written by the database's trigger as the rows go in), follows that
 * order. Should the transaction fail, each command is written again in a transaction of its own.
 */
final class GroupWrites {

    private static final String CLAIM_COLUMNS = "(district, idempotency_key, fingerprint, command_name, actor, "
            + "result_type, result)";

    private final DataSource pool;
    private final EventStorageEngine appender;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    /**
     * @param pool            connections of the writer's own, so a command waiting for its group never holds the one
     *                        the writer needs
     * @param appenderFactory Axon's JDBC storage engine over the given connection provider, with no transactions of
     *                        its own
     */
    GroupWrites(DataSource pool, Function<ConnectionProvider, EventStorageEngine> appenderFactory) {
        this.pool = pool;
        this.appender = appenderFactory.apply(() -> ConnectionWrapperFactory.wrap(connection.get(),
                new ConnectionWrapperFactory.NoOpCloseHandler()));
    }

    void write(List<PendingCommit> group) {
        Map<PendingCommit, RuntimeException> refused;
        try {
            refused = transaction(group);
        } catch (RuntimeException | SQLException failure) {
            if (group.size() == 1) {
                group.get(0).failed(asRuntime(failure));
                return;
            }
            for (PendingCommit pending : group) {
                write(List.of(pending));
            }
            return;
        }
        for (PendingCommit pending : group) {
            RuntimeException failure = refused.get(pending);
            if (failure == null) {
                pending.succeeded();
            } else {
                pending.failed(failure);
            }
        }
    }

    private Map<PendingCommit, RuntimeException> transaction(List<PendingCommit> group) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<PendingCommit, RuntimeException> refused = claim(c, group);
                List<EventMessage<?>> events = new ArrayList<>();
                for (PendingCommit pending : group) {
                    if (!refused.containsKey(pending)) {
                        events.addAll(pending.events());
                    }
                }
                connection.set(c);
                try {
                    appender.appendEvents(events);
                } finally {
                    connection.remove();
                }
                c.commit();
                return refused;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    /** Claims the group's keys in one statement; the commands whose key was taken are answered as before. */
    private static Map<PendingCommit, RuntimeException> claim(Connection c, List<PendingCommit> group)
            throws SQLException {
        List<PendingCommit> claiming = group.stream().filter(p -> p.claim() != null).toList();
        Map<PendingCommit, RuntimeException> refused = new IdentityHashMap<>();
        if (claiming.isEmpty()) {
            return refused;
        }
        String sql = "INSERT INTO command_idempotency " + CLAIM_COLUMNS + " VALUES "
                + String.join(", ", Collections.nCopies(claiming.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT DO NOTHING RETURNING district, idempotency_key";
        Set<List<String>> claimed = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int i = 1;
            for (PendingCommit pending : claiming) {
                IdempotencyClaim claim = pending.claim();
                insert.setString(i++, claim.district());
                insert.setString(i++, claim.key());
                insert.setString(i++, claim.fingerprint());
                insert.setString(i++, claim.commandName());
                insert.setString(i++, claim.actor());
                insert.setString(i++, claim.resultType());
                insert.setString(i++, claim.result());
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        // one request per claimed key; the others with that key (in this group or before it) were answered already
        Set<List<String>> firsts = new HashSet<>();
        List<PendingCommit> answeredBefore = new ArrayList<>();
        for (PendingCommit pending : claiming) {
            List<String> key = List.of(pending.claim().district(), pending.claim().key());
            if (!claimed.contains(key) || !firsts.add(key)) {
                answeredBefore.add(pending);
            }
        }
        if (!answeredBefore.isEmpty()) {
            Map<List<String>, String[]> stored = stored(c, answeredBefore);
            for (PendingCommit pending : answeredBefore) {
                IdempotencyClaim claim = pending.claim();
                String[] row = stored.get(List.of(claim.district(), claim.key()));
                if (row == null) {
                    throw new IllegalStateException("Idempotency-Key " + claim.key() + " neither claimed nor stored");
                }
                refused.put(pending, new IdempotencyClaim.AnsweredBefore(claim, row[0], row[1], row[2]));
            }
        }
        return refused;
    }

    private static Map<List<String>, String[]> stored(Connection c, List<PendingCommit> pendings) throws SQLException {
        String sql = "SELECT district, idempotency_key, fingerprint, result_type, result FROM command_idempotency "
                + "WHERE (district, idempotency_key) IN ("
                + String.join(", ", Collections.nCopies(pendings.size(), "(?, ?)")) + ")";
        Map<List<String>, String[]> stored = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            for (PendingCommit pending : pendings) {
                select.setString(i++, pending.claim().district());
                select.setString(i++, pending.claim().key());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(List.of(rows.getString(1), rows.getString(2)),
                            new String[] {rows.getString(3), rows.getString(4), rows.getString(5)});
                }
            }
        }
        return stored;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RuntimeException asRuntime(Exception failure) {
        return failure instanceof RuntimeException runtime ? runtime
                : new EventStoreException("the events could not be stored", failure);
    }
}
