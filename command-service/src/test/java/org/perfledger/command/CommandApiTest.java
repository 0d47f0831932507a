package org.perfledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** The command API over HTTP, against the real event store and broker. */
@AutoConfigureObservability
class CommandApiTest extends CommandServiceTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String newDepartment(String district) throws Exception {
        String code = "d" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = post("/api/v1/districts/" + district + "/departments",
                "{\"departmentId\":\"" + code + "\",\"name\":\"武汉市蔡甸区市场监督管理局\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return code;
    }

    private int storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    @Test
    void adjustmentIsStoredAsOneEventWithReasonDocumentActorDistrictAndCorrelation() throws Exception {
        String department = newDepartment("caidian");
        String budget = "/api/v1/districts/caidian/departments/" + department + "/budgets/2020";
        assertThat(post(budget, "{\"initialAmount\":\"6352.76\"}").statusCode()).isEqualTo(201);
        int before = storedEvents();

        HttpResponse<String> adjusted = post(budget + "/adjustments",
                "{\"newAmount\":\"6273.65\",\"reason\":\"年中预算调整，调减公用经费\",\"documentNumber\":\"蔡财预〔2020〕35号\"}",
                "X-Actor", "zhang.san", "X-Correlation-Id", "adj-6273");

        assertThat(adjusted.statusCode()).isEqualTo(201);
        assertThat(adjusted.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(adjusted.headers().firstValue("X-Correlation-Id")).hasValue("adj-6273");
        JsonNode body = JSON.readTree(adjusted.body());
        assertThat(body.get("from").asText()).isEqualTo("6352.76");
        assertThat(body.get("to").asText()).isEqualTo("6273.65");
        assertThat(storedEvents()).isEqualTo(before + 1);

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                       convert_from(meta_data, 'UTF8') AS meta_data, sequence_number, type
                  FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
                "caidian/" + department + "/budget/2020");
        assertThat(row.get("payload_type")).isEqualTo("DepartmentBudgetAdjusted");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(row.get("type")).isEqualTo("DepartmentBudget");
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        assertThat(payload.get("from").asText()).isEqualTo("6352.76");
        assertThat(payload.get("to").asText()).isEqualTo("6273.65");
        assertThat(payload.get("reason").asText()).isEqualTo("年中预算调整，调减公用经费");
        assertThat(payload.get("documentNumber").asText()).isEqualTo("蔡财预〔2020〕35号");
        JsonNode metadata = JSON.readTree((String) row.get("meta_data"));
        assertThat(metadata.get("district").asText()).isEqualTo("caidian");
        assertThat(metadata.get("actor").asText()).isEqualTo("zhang.san");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("adj-6273");
    }

    @Test
    void actorDefaultsToAnonymousAndCorrelationIdIsMadeWhenAbsent() throws Exception {
        String department = newDepartment("caidian");
        String metadata = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, "caidian/" + department);
        JsonNode node = JSON.readTree(metadata);
        assertThat(node.get("actor").asText()).isEqualTo("anonymous");
        assertThat(UUID.fromString(node.get("correlationId").asText())).isNotNull();
    }

    @Test
    void malformedInputIsRefusedWithAProblemNamingFieldAndRuleAndNothingIsStored() throws Exception {
        String department = newDepartment("caidian");
        String budget = "/api/v1/districts/caidian/departments/" + department + "/budgets/2020";
        post(budget, "{\"initialAmount\":\"100.00\"}");
        int before = storedEvents();

        record Case(String path, String body, String field, String rule) {
        }
        List<Case> cases = List.of(
                new Case(budget + "/adjustments", "{\"newAmount\":\"-5.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        "newAmount", "money.non-negative"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"12,5\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        "newAmount", "money.format"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"1.005\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        "newAmount", "money.scale"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"12345678901234.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        "newAmount", "money.range"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"documentNumber\":\"d\"}",
                        "reason", "required"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"reason\":\"  \",\"documentNumber\":\"d\"}",
                        "reason", "text.required"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"reason\":\"r\"}",
                        "documentNumber", "required"),
                new Case(budget + "/adjustments", "{\"newAmount\":90.5,\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        "newAmount", "json.type"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"reason\":\"r\",\"documentNumber\":\"d\",\"x\":1}",
                        "x", "json.unknown-field"),
                new Case(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"newAmount\":\"80.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                        null, "json.syntax"),
                new Case(budget + "/adjustments", "{not json", null, "json.syntax"),
                new Case("/api/v1/districts/caidian/departments/" + department + "/budgets/1899", "{\"initialAmount\":\"1.00\"}",
                        "year", "fiscal-year.range"),
                new Case("/api/v1/districts/Cai%20Dian/departments", "{\"departmentId\":\"x\",\"name\":\"n\"}",
                        "district", "code.format"));
        for (Case c : cases) {
            HttpResponse<String> response = post(c.path(), c.body());
            assertThat(response.statusCode()).as(c.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("rule").asText()).as(c.body()).isEqualTo(c.rule());
            if (c.field() != null) {
                assertThat(error.get("field").asText()).as(c.body()).isEqualTo(c.field());
            }
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void businessRefusalsHaveTheirOwnStatusAndStoreNothing() throws Exception {
        String department = newDepartment("caidian");
        String budget = "/api/v1/districts/caidian/departments/" + department + "/budgets/2020";
        int before = storedEvents();

        HttpResponse<String> unknown = post("/api/v1/districts/caidian/departments/nobody/budgets/2020",
                "{\"initialAmount\":\"1.00\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("errors").get(0).get("field").asText()).isEqualTo("department");

        HttpResponse<String> notOpened = post(budget + "/adjustments",
                "{\"newAmount\":\"90.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}");
        assertThat(notOpened.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(notOpened.body()).get("errors").get(0).get("rule").asText()).isEqualTo("budget.not-opened");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(post(budget, "{\"initialAmount\":\"100.00\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> twice = post(budget, "{\"initialAmount\":\"100.00\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("errors").get(0).get("rule").asText()).isEqualTo("budget.already-opened");

        HttpResponse<String> registeredTwice = post("/api/v1/districts/caidian/departments",
                "{\"departmentId\":\"" + department + "\",\"name\":\"again\"}");
        assertThat(registeredTwice.statusCode()).isEqualTo(409);

        assertThat(post(budget + "/adjustments", "{\"newAmount\":\"90.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}",
                "If-Match", "\"0\"").statusCode()).isEqualTo(201);
        HttpResponse<String> stale = post(budget + "/adjustments",
                "{\"newAmount\":\"80.00\",\"reason\":\"r\",\"documentNumber\":\"d\"}", "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("type").asText()).isEqualTo("urn:perfledger:problem:version-conflict");
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void everyStoredEventReachesTheTopicKeyedByDepartmentWithRoutingHeaders() throws Exception {
        String department = newDepartment("qiaokou");
        String budget = "/api/v1/districts/qiaokou/departments/" + department + "/budgets/2021";
        post(budget, "{\"initialAmount\":\"93.00\"}");
        post(budget + "/adjustments", "{\"newAmount\":\"120.09\",\"reason\":\"追加\",\"documentNumber\":\"硚财〔2021〕1号\"}");

        List<Received> mine = readTopic(Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                .filter(r -> r.key().equals("qiaokou/" + department)).toList();
        assertThat(mine).extracting(r -> r.headers().get("pl-event-type"))
                .containsExactly("DepartmentRegistered", "DepartmentBudgetOpened", "DepartmentBudgetAdjusted");
        assertThat(mine).extracting(Received::partition).containsOnly(mine.get(0).partition());
        Received adjusted = mine.get(2);
        assertThat(adjusted.headers()).containsEntry("pl-district", "qiaokou")
                .containsEntry("pl-aggregate-id", "qiaokou/" + department + "/budget/2021")
                .containsEntry("pl-sequence", "1")
                .containsEntry("pl-event-version", "1")
                .containsKey("pl-event-id");
        JsonNode envelope = JSON.readTree(adjusted.value());
        assertThat(envelope.get("payload").get("to").asText()).isEqualTo("120.09");
        assertThat(envelope.get("metadata").get("district").asText()).isEqualTo("qiaokou");
    }

    @Test
    void prometheusEndpointShowsCommandsAndRelayMeters() throws Exception {
        newDepartment("caidian");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("perfledger_commands_seconds_count{application=\"perfledger-command-service\",outcome=\"accepted\",type=\"RegisterDepartment\"}")
                .contains("perfledger_relay_events_total")
                .contains("perfledger_relay_position");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
