package org.perfledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.EveryKindOfEvent;
import org.perfledger.query.projection.ProjectionApplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a query slice's test stands on: the query service over HTTP against its own PostgreSQL database, the read
 * models holding a district's history with every kind of event ({@link EveryKindOfEvent}: 蔡甸 2020's department-wide
 * plan with seed 000's figures and a project with seed 001's), applied once through the live path. The slices' tests
 * share one service (one Spring context), so each adds only its own requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=query-service", "spring.kafka.listener.auto-startup=false"})
public abstract class SliceTest {

    protected static final String DISTRICT = "caidian";
    protected static final String DEPARTMENT = "scjgj";
    protected static final String YEAR_PATH = "/api/v1/districts/caidian/departments/scjgj/years/2020";
    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("slices");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    ProjectionApplier applier;
    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, DATABASE, "perfledger.events.slices-" + UUID.randomUUID());
    }

    @BeforeEach
    void theHistoryIsProjected() {
        Long plans = jdbc.queryForObject("SELECT count(*) FROM plan WHERE district = ?", Long.class, DISTRICT);
        if (plans != null && plans == 0) {
            List<DecodedEvent> history = EveryKindOfEvent.events().stream().map(DecodedEvent::of).toList();
            new TransactionTemplate(transactions).executeWithoutResult(status -> applier.replay(history));
        }
    }

    protected static String finance() {
        return TestInfrastructure.issuer().token("finance", DISTRICT, null, List.of("DISTRICT_FINANCE"));
    }

    protected static String editor(String department) {
        return TestInfrastructure.issuer().token("editor", DISTRICT, department, List.of("DEPARTMENT_EDITOR"));
    }

    protected HttpResponse<byte[]> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected JsonNode read(String path, String token) throws Exception {
        HttpResponse<byte[]> response = get(path, token);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    protected int status(String path, String token) throws Exception {
        return get(path, token).statusCode();
    }

    /** Projects one event of another district's stream through the live path, as Kafka would bring it. */
    protected void project(String stream, long sequence, PerfLedgerEvent event, String district) throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), EventCatalog.nameOf(event.getClass()),
                EventCatalog.versionOf(event.getClass()), "Aggregate", stream, sequence, 0, Instant.now(),
                Map.of("district", district, "actor", "test", "correlationId", "c-" + district),
                EventEnvelopeCodec.mapper().writeValueAsString(event));
        applier.apply(List.of(DecodedEvent.of(envelope)));
    }
}
