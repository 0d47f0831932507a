package org.perfledger.kernel.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database out of reach is told apart from a fault, however deep the framework wrapped it. */
class UnavailableTest {

    @Test
    void aConnectionDroppedOrRefusedOrAServerShuttingDownIsTransient() {
        assertThat(Unavailable.isTransient(new IllegalStateException(new SQLException("FATAL: terminating connection "
                + "due to administrator command", "57P01")))).isTrue();
        assertThat(Unavailable.isTransient(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(Unavailable.isTransient(new SQLException("An I/O error occurred", "08006"))).isTrue();
    }

    @Test
    void aRollbackOnAClosedConnectionAfterAFailedCommitIsTransient() {
        // what Spring reports when the commit failed because the server went, and the rollback found no connection
        RuntimeException rollbackFailed = new RuntimeException("JDBC rollback failed", new SQLException(
                "Connection is closed"));
        assertThat(Unavailable.isTransient(rollbackFailed)).isTrue();
        RuntimeException withSuppressed = new RuntimeException("commit failed");
        withSuppressed.addSuppressed(new SQLException("terminating connection", "57P01"));
        assertThat(Unavailable.isTransient(withSuppressed)).isTrue();
    }

    @Test
    void aFaultIsNot() {
        assertThat(Unavailable.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(Unavailable.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
