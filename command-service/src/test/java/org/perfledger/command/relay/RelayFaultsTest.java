package org.perfledger.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.command.department.RegisterDepartment;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.organisation.DepartmentId;
import org.springframework.beans.factory.annotation.Autowired;

/** The two ways relays from PostgreSQL event stores are known to lose events, staged for real. */
class RelayFaultsTest extends CommandServiceTestBase {

    @Autowired
    CommandGateway gateway;
    @Autowired
    DataSource dataSource;

    private DepartmentId register(String district) throws Exception {
        ensureDistrict(district);
        DepartmentId department = DepartmentId.of(district, "d" + UUID.randomUUID().toString().substring(0, 8));
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterDepartment(department, "部门"))
                .andMetaData(Map.of(EventMetadata.DISTRICT, district, EventMetadata.ACTOR, "test",
                        EventMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
        return department;
    }

    private long relayPositionIndex() {
        return jdbc.queryForObject("SELECT global_index FROM relay_position WHERE relay_name = 'kafka'", Long.class);
    }

    private void awaitRelayed(long globalIndex, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long pending = jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry e, relay_position p
                     WHERE p.relay_name = 'kafka' AND e.global_index = ? AND (e.tx_id, e.global_index) > (p.tx_id, p.global_index)""",
                    Long.class, globalIndex);
            if (pending == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event " + globalIndex + " was not relayed within " + timeout);
    }

    private long globalIndexOf(DepartmentId department) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, department.streamKey());
    }

    /** Keys of the departments' records on the topic (the district's onboarding left out). */
    private static List<String> keysOnTopic(String prefix, int expected) {
        return readTopic(Integer.MAX_VALUE, Duration.ofSeconds(expected == 0 ? 3 : 8)).stream()
                .filter(record -> !"DistrictRegistered".equals(record.headers().get("pl-event-type")))
                .map(Received::key).filter(key -> key.startsWith(prefix)).collect(Collectors.toList());
    }

    /**
     * A transaction takes global index N, then commits after N+1.. have committed and could have been relayed.
     * A relay that tracks only the highest index would skip N for ever. The later events belong to another district:
     * within one district the hash chain's lock makes appends wait for each other, so there N+1 cannot overtake N.
     */
    @Test
    void anEventWhoseTransactionCommitsLateIsNotSkipped() throws Exception {
        String district = "late" + UUID.randomUUID().toString().substring(0, 6);
        String elsewhere = district + "b";
        register(district);
        long before = globalIndexOf(register(district));
        awaitRelayed(before, Duration.ofSeconds(10));

        long heldIndex;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                    payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, 0, 'Department', ?, 'DepartmentRegistered', '1', ?, ?) RETURNING global_index""")) {
                String code = "held";
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, district + "/" + code);
                insert.setString(3, Instant.now().toString());
                insert.setBytes(4, ("{\"department\":{\"district\":\"" + district + "\",\"code\":\"" + code
                        + "\"},\"name\":\"迟到的部门\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, ("{\"district\":\"" + district + "\",\"actor\":\"test\",\"correlationId\":\"late\"}")
                        .getBytes(StandardCharsets.UTF_8));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    heldIndex = row.getLong(1);
                }
            }

            List<Long> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(globalIndexOf(register(elsewhere)));
            }
            assertThat(later).allMatch(index -> index > heldIndex);
            Thread.sleep(1000);
            // Committed events with higher indexes exist, yet the relay has not moved past the open transaction.
            assertThat(relayPositionIndex()).isLessThan(heldIndex);

            held.commit();
            for (long index : later) {
                awaitRelayed(index, Duration.ofSeconds(10));
            }
        }
        awaitRelayed(heldIndex, Duration.ofSeconds(10));
        assertThat(keysOnTopic(district + "/", 3)).contains(district + "/held").hasSize(3);
        assertThat(keysOnTopic(elsewhere + "/", 3)).hasSize(3);
    }

    /**
     * With the broker gone, commands still succeed, the relay position stays on the last acknowledged event, and
     * once the broker is back every event is published.
     */
    @Test
    void aBrokerOutageDelaysButNeverLosesEvents() throws Exception {
        assumeThat(TestInfrastructure.kafka().canStageOutage()).as("this broker's outage can be staged").isTrue();
        String district = "outage" + UUID.randomUUID().toString().substring(0, 6);
        long acknowledged = globalIndexOf(register(district));
        awaitRelayed(acknowledged, Duration.ofSeconds(10));
        long positionBefore = relayPositionIndex();

        TestInfrastructure.kafka().beginOutage();
        List<Long> duringOutage = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                duringOutage.add(globalIndexOf(register(district)));
            }
            Thread.sleep(2000);
            assertThat(relayPositionIndex()).isEqualTo(positionBefore);
        } finally {
            TestInfrastructure.kafka().endOutage();
        }
        for (long index : duringOutage) {
            awaitRelayed(index, Duration.ofSeconds(60));
        }
        List<String> keys = keysOnTopic(district + "/", 21);
        assertThat(keys.stream().distinct()).hasSize(21);
    }
}
