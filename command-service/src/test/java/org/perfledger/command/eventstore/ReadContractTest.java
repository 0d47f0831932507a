package org.perfledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.EventRow;

/**
 * The event store's read contract ({@code stored_events_v1}) holds the columns its readers select, with the types
 * they read them as: the relay and the query side's replays ({@link EventRow#columns} and {@code tx_id}), and the
 * audit. Axon's table may change; this view's columns may not.
 */
class ReadContractTest {

    @Test
    void theContractViewHasTheColumnsEveryReaderSelects() throws Exception {
        String url = TestInfrastructure.postgres().newDatabase("contract");
        String user = TestInfrastructure.postgres().username();
        String password = TestInfrastructure.postgres().password();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/eventstore")
                .schemas("eventstore").defaultSchema("eventstore").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT column_name || ' ' || data_type FROM information_schema.columns
                     WHERE table_schema = 'eventstore' AND table_name = '""" + EventRow.CONTRACT + """
                    ' ORDER BY ordinal_position""")) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            assertThat(columns).containsExactly("global_index bigint", "event_identifier character varying",
                    "aggregate_identifier character varying", "sequence_number bigint", "type character varying",
                    "time_stamp character varying", "payload_type character varying",
                    "payload_revision character varying", "payload bytea", "meta_data bytea", "tx_id xid8");
            connection.setSchema("eventstore");
            // the relay's and the replays' statement runs on the contract alone
            try (var select = connection.prepareStatement(EventRow.SETTLED_AFTER)) {
                select.setString(1, "0");
                select.setLong(2, 0);
                select.setInt(3, 1);
                select.executeQuery().close();
            }
            for (String column : EventRow.columns("").split(", ")) {
                assertThat(columns).anySatisfy(named -> assertThat(named).startsWith(column + " "));
            }
        }
    }
}
