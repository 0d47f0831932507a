package org.perfledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The query service fed through the real broker with what a relay may deliver: repeats, disorder, garbage. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=query-service")
class ProjectionPipelineTest {

    private static final String TOPIC = "perfledger.events.query-test-" + UUID.randomUUID();
    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("query");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("perfledger.topic", () -> TOPIC);
    }

    private static EventEnvelope envelope(String type, String aggregateId, long sequence, String payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, 1, "DepartmentBudget", aggregateId, sequence,
                0, Instant.now(), Map.of("district", "caidian", "actor", "li.si", "correlationId", "c-" + sequence),
                payload);
    }

    @Test
    void repeatsAndDisorderChangeNothingAndGarbageGoesToTheDeadLetterTopic() throws Exception {
        String dept = "{\"district\":\"caidian\",\"code\":\"scjgj\"}";
        String budget = "caidian/scjgj/budget/2020";
        EventEnvelope registered = envelope("DepartmentRegistered", "caidian/scjgj", 0,
                "{\"department\":" + dept + ",\"name\":\"武汉市蔡甸区市场监督管理局\"}");
        EventEnvelope opened = envelope("DepartmentBudgetOpened", budget, 0,
                "{\"department\":" + dept + ",\"year\":2020,\"initialAmount\":\"6352.76\"}");
        EventEnvelope first = envelope("DepartmentBudgetAdjusted", budget, 1,
                "{\"department\":" + dept + ",\"year\":2020,\"from\":\"6352.76\",\"to\":\"6379.85\",\"reason\":\"追加\",\"documentNumber\":\"蔡财〔2020〕1号\"}");
        EventEnvelope second = envelope("DepartmentBudgetAdjusted", budget, 2,
                "{\"department\":" + dept + ",\"year\":2020,\"from\":\"6379.85\",\"to\":\"6273.65\",\"reason\":\"调减\",\"documentNumber\":\"蔡财〔2020〕2号\"}");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope e : new EventEnvelope[] {registered, second, opened, first, second, first, registered}) {
                producer.send(new ProducerRecord<>(TOPIC, "caidian/scjgj", EventEnvelopeCodec.encode(e))).get();
            }
            producer.send(new ProducerRecord<>(TOPIC, "caidian/scjgj", "not an event".getBytes())).get();
        }

        HttpClient http = HttpClient.newHttpClient();
        JsonNode body = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/districts/caidian/departments/scjgj/budgets/2020")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                body = JSON.readTree(response.body());
                if (body.get("version").asLong() == 2 && deadLetters() == 1) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertThat(body).isNotNull();
        assertThat(body.get("initialAmount").asText()).isEqualTo("6352.76");
        assertThat(body.get("currentAmount").asText()).isEqualTo("6273.65");
        assertThat(body.get("adjustments")).hasSize(2);
        assertThat(body.get("adjustments").get(0).get("from").asText()).isEqualTo("6352.76");
        assertThat(body.get("adjustments").get(0).get("to").asText()).isEqualTo("6379.85");
        assertThat(body.get("adjustments").get(1).get("to").asText()).isEqualTo("6273.65");
        assertThat(body.get("adjustments").get(1).get("documentNumber").asText()).isEqualTo("蔡财〔2020〕2号");
        assertThat(body.get("adjustments").get(1).get("actor").asText()).isEqualTo("li.si");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM department", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_event", Integer.class)).isZero();
        assertThat(deadLetters()).isEqualTo(1);

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/districts/caidian/departments/scjgj/budgets/2019")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private double deadLetters() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/actuator/metrics/perfledger.projection.dead-letters")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.statusCode() == 200 ? JSON.readTree(metrics.body()).get("measurements").get(0).get("value").asDouble() : 0;
    }
}
