package org.perfledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.infra.embedded.TestInfrastructure;

/**
 * The hash chain over a district's events, written by the database at append time and verified from the rows: intact
 * after ordinary commands; a SQL UPDATE, DELETE or reordering of one stored event is caught and that event named.
 * Each case uses a district of its own, so a tampered chain does not disturb the others.
 */
class EventChainTest extends CommandServiceTestBase {

    private String auditor(String district) {
        return "Bearer " + TestInfrastructure.issuer().token(district + ".auditor", district, null, List.of("AUDITOR"),
                Duration.ofMinutes(5));
    }

    private JsonNode verify(String district) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/districts/" + district + "/event-chain/verification",
                null, "Authorization", auditor(district));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A district with a few departments: its chain has one link per event. */
    private List<Long> districtWithEvents(String district) throws Exception {
        newDepartment(district);
        newDepartment(district);
        newDepartment(district);
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')"
                + "::jsonb ->> 'district' = ? ORDER BY global_index", Long.class, district);
    }

    @Test
    void anIntactChainVerifiesAndPublishesItsDailyHead() throws Exception {
        List<Long> events = districtWithEvents("chainok");
        JsonNode verification = verify("chainok");
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("links").asLong()).isEqualTo(events.size());
        byte[] head = jdbc.queryForObject("SELECT hash FROM event_chain WHERE district = 'chainok' ORDER BY position "
                + "DESC LIMIT 1", byte[].class);
        assertThat(verification.get("headHash").asText()).isEqualTo(HexFormat.of().formatHex(head));
        // each link's hash covers the previous one
        List<byte[]> previous = jdbc.queryForList("SELECT previous_hash FROM event_chain WHERE district = 'chainok' "
                + "ORDER BY position", byte[].class);
        assertThat(previous.get(0)).isEqualTo(new byte[32]);

        HttpResponse<String> heads = send("GET", "/api/v1/districts/chainok/event-chain/heads", null,
                "Authorization", auditor("chainok"));
        JsonNode days = JSON.readTree(heads.body());
        assertThat(days).hasSize(1);
        assertThat(days.get(0).get("position").asLong()).isEqualTo(events.size());
        assertThat(days.get(0).get("hash").asText()).isEqualTo(verification.get("headHash").asText());
    }

    @Test
    void anUpdatedEventIsNamed() throws Exception {
        List<Long> events = districtWithEvents("chainupd");
        long tampered = events.get(2);
        String identifier = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, tampered);
        // someone with database access renames a department after the fact
        int changed = jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                + "'UTF8'), '蔡甸区', '汉阳区'), 'UTF8') WHERE global_index = ?", tampered);
        assertThat(changed).isEqualTo(1);

        JsonNode verification = verify("chainupd");
        assertThat(verification.get("intact").asBoolean()).isFalse();
        JsonNode broken = verification.get("firstBreak");
        assertThat(broken.get("problem").asText()).isEqualTo("changed");
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(tampered);
        assertThat(broken.get("eventIdentifier").asText()).isEqualTo(identifier);
        assertThat(broken.get("position").asLong()).isEqualTo(3);
        assertThat(verification.get("links").asLong()).as("verified up to the event before").isEqualTo(2);
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        List<Long> events = districtWithEvents("chaindel");
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", events.get(1));
        JsonNode broken = verify("chaindel").get("firstBreak");
        assertThat(broken.get("problem").asText()).isEqualTo("deleted");
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(events.get(1));
    }

    @Test
    void reorderedEventsAreNamed() throws Exception {
        List<Long> events = districtWithEvents("chainord");
        long first = events.get(1);
        long second = events.get(2);
        // swap the two rows' places in the log
        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
        JsonNode broken = verify("chainord").get("firstBreak");
        assertThat(broken.get("problem").asText()).isEqualTo("replaced");
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(first);
    }

    @Test
    void anEventWrittenAroundTheChainIsNamed() throws Exception {
        List<Long> events = districtWithEvents("chainaround");
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_chain");
        try {
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                    + " time_stamp, payload_type, payload, meta_data) SELECT 'forged-' || event_identifier, "
                    + "aggregate_identifier, sequence_number + 100, type, time_stamp, payload_type, payload, meta_data "
                    + "FROM domain_event_entry WHERE global_index = ?", events.get(0));
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_chain");
        }
        JsonNode broken = verify("chainaround").get("firstBreak");
        assertThat(broken.get("problem").asText()).isEqualTo("unchained");
    }

    @Test
    void onlyTheDistrictsAuditorsAndFinanceVerify() throws Exception {
        ensureDistrict("chainacl");
        String editor = "Bearer " + TestInfrastructure.issuer().token("e", "chainacl", "x", List.of("DEPARTMENT_EDITOR"),
                Duration.ofMinutes(5));
        assertThat(send("GET", "/api/v1/districts/chainacl/event-chain/verification", null, "Authorization", editor)
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/districts/chainacl/event-chain/verification", null, "Authorization",
                auditor("chainok")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/districts/chainacl/event-chain/verification").statusCode()).isEqualTo(401);
    }
}
