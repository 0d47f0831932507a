package org.perfledger.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.perfledger.command.relay.EventStoreFeed.Position;
import org.perfledger.infra.embedded.TestInfrastructure;

/**
 * The relay order over the real event store schema: by the writing transaction as a number, not as text, so that a
 * transaction id gaining a digit (99 → 100) does not sort before its elders; paging by the last position read.
 * The query side's rebuilds read with the same statement ({@code EventRow.SETTLED_AFTER}).
 */
class EventStoreFeedTest {

    @Test
    void rowsComeInTransactionOrderAcrossADigitBoundaryAndPageWithoutGapsOrRepeats() throws Exception {
        String url = TestInfrastructure.postgres().newDatabase("feed");
        String user = TestInfrastructure.postgres().username();
        String password = TestInfrastructure.postgres().password();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/eventstore")
                .schemas("eventstore").defaultSchema("eventstore").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setSchema("eventstore");
            // written in this order, by transactions numbered as shown: identity order is not commit order
            long[] transactions = {100, 99, 101, 9, 10};
            for (int i = 0; i < transactions.length; i++) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data,
                                                        tx_id)
                        VALUES (?, ?, 0, 'Department', '2020-01-01T00:00:00Z', 'DepartmentRegistered', '1',
                                convert_to('{}', 'UTF8'), convert_to('{"district":"feed"}', 'UTF8'), ?::xid8)""")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "feed/d" + i);
                    insert.setString(3, Long.toString(transactions[i]));
                    insert.executeUpdate();
                }
            }
            EventStoreFeed feed = new EventStoreFeed();

            List<StoredEvent> first = feed.nextBatch(connection, Position.START, 3);
            List<StoredEvent> rest = feed.nextBatch(connection, new Position(first.get(2).txId(),
                    first.get(2).globalIndex()), 3);

            assertThat(first).extracting(StoredEvent::txId).containsExactly("9", "10", "99");
            assertThat(rest).extracting(StoredEvent::txId).containsExactly("100", "101");
            assertThat(rest).extracting(event -> event.envelope().aggregateId()).containsExactly("feed/d0", "feed/d2");
        }
    }

    /**
     * A committed event behind a transaction still running (here on another database of the same server, which never
     * wakes the relay) is not relayed yet, and the feed says it is held back, so the relay looks again soon.
     */
    @Test
    void aCommittedEventBehindAnOlderOpenTransactionIsHeldBackNotLost() throws Exception {
        String url = TestInfrastructure.postgres().newDatabase("held");
        String other = TestInfrastructure.postgres().newDatabase("other");
        String user = TestInfrastructure.postgres().username();
        String password = TestInfrastructure.postgres().password();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/eventstore")
                .schemas("eventstore").defaultSchema("eventstore").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Connection elsewhere = DriverManager.getConnection(other, user, password)) {
            connection.setSchema("eventstore");
            EventStoreFeed feed = new EventStoreFeed();
            assertThat(feed.heldBack(connection, Position.START)).isFalse();
            elsewhere.setAutoCommit(false);
            try (Statement open = elsewhere.createStatement()) {
                open.execute("SELECT pg_current_xact_id()"); // an older transaction, still running
            }
            try (Statement write = connection.createStatement()) {
                write.executeUpdate("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES ('e-held', 'held/d', 0, 'Department', '2020-01-01T00:00:00Z', 'DepartmentRegistered',
                                '1', convert_to('{}', 'UTF8'), convert_to('{"district":"held"}', 'UTF8'))""");
            }
            assertThat(feed.nextBatch(connection, Position.START, 10)).isEmpty();
            assertThat(feed.heldBack(connection, Position.START)).isTrue();
            elsewhere.rollback();
            assertThat(feed.nextBatch(connection, Position.START, 10)).hasSize(1);
        }
    }
}
