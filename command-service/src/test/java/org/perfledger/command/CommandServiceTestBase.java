package org.perfledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service on a real PostgreSQL database of its own and the test JVM's real Kafka broker, with a topic
 * of its own. One Spring context for all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "perfledger.relay.poll-interval=50ms",
                "perfledger.relay.max-backoff=500ms", "perfledger.relay.partitions=3"})
public abstract class CommandServiceTestBase {

    protected static final String TOPIC = "perfledger.events.test-" + UUID.randomUUID();
    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("command");

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return send("POST", path, body, headers);
    }

    protected HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        return send("PUT", path, body, headers);
    }

    /**
     * Sends a request as someone allowed to ({@link TestInfrastructure#tokenFor}): the {@code X-Actor} pseudo-header
     * names the token's subject; an explicit {@code Authorization} header replaces the token.
     */
    protected HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String subject = "zhang.san";
        boolean authorised = false;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("X-Actor")) {
                subject = headers[i + 1];
            } else {
                authorised |= headers[i].equals("Authorization");
                request.header(headers[i], headers[i + 1]);
            }
        }
        if (!authorised) {
            request.header("Authorization", "Bearer " + TestInfrastructure.tokenFor(path, subject));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Onboards the district as the platform admin, unless it is on PerfLedger already. */
    protected void ensureDistrict(String district) throws Exception {
        HttpResponse<String> response = post("/api/v1/districts", "{\"district\":\"" + district + "\",\"name\":\""
                + district + "区\"}", "Authorization", "Bearer " + TestInfrastructure.issuer().token("admin", null,
                null, List.of("PLATFORM_ADMIN"), Duration.ofMinutes(5)));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new AssertionError("district not onboarded: " + response.body());
        }
    }

    /** Registers a department with a fresh code in the district (onboarded if need be) and answers its code. */
    protected String newDepartment(String district) throws Exception {
        ensureDistrict(district);
        String code = "d" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = post("/api/v1/districts/" + district + "/departments",
                "{\"departmentId\":\"" + code + "\",\"name\":\"武汉市蔡甸区市场监督管理局\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("department not registered: " + response.body());
        }
        return code;
    }

    protected int storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("perfledger.relay.topic", () -> TOPIC);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestInfrastructure.issuer().publicKeyLocation());
        registry.add("perfledger.security.issuers", () -> LocalIssuer.ISSUER);
    }

    /** A record as a consumer of the topic sees it. */
    public record Received(String key, String value, Map<String, String> headers, int partition) {
    }

    /** Reads the whole topic from the start until {@code expected} records arrived or the time is up. */
    protected static List<Received> readTopic(int expected, Duration timeout) {
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new Received(record.key(), new String(record.value(), StandardCharsets.UTF_8),
                            headers, record.partition()));
                }
            }
        }
        return received;
    }
}
