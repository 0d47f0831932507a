package org.perfledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.TestServers;
import java.time.LocalDate;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
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
        TestServers.register(registry, DATABASE, TOPIC);
    }

    private static EventEnvelope envelope(String aggregateId, long sequence, Object event) throws Exception {
        return new EventEnvelope(UUID.randomUUID().toString(), EventCatalog.nameOf(event.getClass()), 1, "AnnualPlan",
                aggregateId, sequence, 0, Instant.now(),
                Map.of("district", "caidian", "actor", "li.si", "correlationId", "c-" + sequence),
                EventEnvelopeCodec.mapper().writeValueAsString(event));
    }

    @Test
    void repeatsAndDisorderChangeNothingAndGarbageGoesToTheDeadLetterTopic() throws Exception {
        double deadBefore = deadLetters();
        // seed 000 (蔡甸 2020): 预算数 6352.76; the two adjustments are made up to reach its 6273.65
        DepartmentId department = DepartmentId.of("caidian", "scjgj");
        PlanId plan = PlanId.departmentWide(department, FiscalYear.of(2020));
        String id = plan.aggregateId();
        DocumentNumber doc1 = new DocumentNumber("蔡财〔2020〕1号");
        DocumentNumber doc2 = new DocumentNumber("蔡财〔2020〕2号");
        EventEnvelope registered = envelope("caidian/scjgj", 0,
                new DepartmentRegistered(department, "武汉市蔡甸区市场监督管理局"));
        EventEnvelope started = envelope(id, 0, new DepartmentPlanStarted(plan));
        EventEnvelope opened = envelope(id, 1, new BudgetOpened(plan,
                Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("6352.76")), Map.of(), WanYuan.of("6352.76")));
        EventEnvelope first = envelope(id, 2, new BudgetAdjusted(plan, 1, AdjustmentKind.SUPPLEMENT,
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PERSONNEL, WanYuan.of("27.09"),
                WanYuan.of("6352.76"), WanYuan.of("6379.85"), "追加人员经费", doc1, LocalDate.of(2020, 6, 1)));
        EventEnvelope second = envelope(id, 3, new BudgetAdjusted(plan, 2, AdjustmentKind.REDUCTION,
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PROJECT, WanYuan.of("106.20"),
                WanYuan.of("6379.85"), WanYuan.of("6273.65"), "压减4个项目经费", doc2, LocalDate.of(2020, 9, 1)));

        EventEnvelope targets = envelope(id, 4, new TargetsSubmitted(plan, 0, 0, BigDecimal.ZERO));
        EventEnvelope approved = envelope(id, 5, new TargetsApproved(plan, null));
        EventEnvelope spent = envelope(id, 6, new ExpenditureRecorded(plan, WanYuan.of("5184.55"),
                LocalDate.of(2020, 12, 31), ExpenditureClass.PERSONNEL, null, "基本支出", "记-1231", WanYuan.of("5184.55"),
                WanYuan.of("6273.65"), false));
        EventEnvelope corrected = envelope(id, 7, new ExpenditureCorrected(plan, WanYuan.of("0.55"),
                LocalDate.of(2020, 12, 31), ExpenditureClass.PERSONNEL, null, "重复计提", "记-1231",
                WanYuan.of("5184.00"), WanYuan.of("6273.65"), false));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope e : new EventEnvelope[] {registered, second, started, corrected, opened, first, second,
                    first, targets, spent, approved, registered}) {
                producer.send(new ProducerRecord<>(TOPIC, "caidian/scjgj", EventEnvelopeCodec.encode(e))).get();
            }
            producer.send(new ProducerRecord<>(TOPIC, "caidian/scjgj", "not an event".getBytes())).get();
            // a record without a district, and one whose payload belongs to another district than it says
            EventEnvelope anonymous = new EventEnvelope(UUID.randomUUID().toString(), "DepartmentRegistered", 1,
                    "Department", "hanyang/x", 0, 0, Instant.now(), Map.of("actor", "a", "correlationId", "c"),
                    EventEnvelopeCodec.mapper().writeValueAsString(new DepartmentRegistered(DepartmentId.of("hanyang",
                            "x"), "某局")));
            EventEnvelope forged = new EventEnvelope(UUID.randomUUID().toString(), "DepartmentRegistered", 1,
                    "Department", "hanyang/y", 0, 0, Instant.now(),
                    Map.of("district", "caidian", "actor", "a", "correlationId", "c"),
                    EventEnvelopeCodec.mapper().writeValueAsString(new DepartmentRegistered(DepartmentId.of("hanyang",
                            "y"), "某局")));
            producer.send(new ProducerRecord<>(TOPIC, "hanyang/x", EventEnvelopeCodec.encode(anonymous))).get();
            producer.send(new ProducerRecord<>(TOPIC, "hanyang/y", EventEnvelopeCodec.encode(forged))).get();
        }

        HttpClient http = HttpClient.newHttpClient();
        String path = "/api/v1/districts/caidian/departments/scjgj/years/2020/department";
        JsonNode body = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Authorization", "Bearer " + TestInfrastructure.tokenFor(path, "li.si")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                body = JSON.readTree(response.body());
                if (body.get("version").asLong() == 7 && deadLetters() == deadBefore + 3) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertThat(body).isNotNull();
        JsonNode budget = body.get("budget");
        assertThat(budget.get("initial").asText()).isEqualTo("6352.76");
        assertThat(budget.get("adjusted").asText()).isEqualTo("6273.65");
        JsonNode movements = budget.get("movements");
        assertThat(movements.findValuesAsText("movement")).containsExactly("opened", "adjusted", "adjusted", "spent",
                "corrected");
        assertThat(budget.get("executed").asText()).isEqualTo("5184.00");
        assertThat(movements.get(4).get("voucher").asText()).isEqualTo("记-1231");
        assertThat(movements.get(1).get("from").asText()).isEqualTo("6352.76");
        assertThat(movements.get(1).get("to").asText()).isEqualTo("6379.85");
        assertThat(movements.get(2).get("to").asText()).isEqualTo("6273.65");
        assertThat(movements.get(2).get("kind").get("label").asText()).isEqualTo("调减");
        assertThat(movements.get(2).get("documentNumber").asText()).isEqualTo("蔡财〔2020〕2号");
        assertThat(movements.get(2).get("actor").asText()).isEqualTo("li.si");
        assertThat(budget.get("classes").findValuesAsText("adjusted")).containsExactly("27.09", "-106.20");
        assertThat(budget.get("classes").findValuesAsText("executed")).containsExactly("5184.00", "0.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM department WHERE district = 'caidian'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_event", Integer.class)).isZero();
        assertThat(deadLetters()).isEqualTo(deadBefore + 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM department WHERE district = 'hanyang'", Integer.class))
                .isZero();

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path.replace("2020", "2019"))).header("Authorization", "Bearer "
                + TestInfrastructure.tokenFor(path, "li.si")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);

        // another district's token cannot tell this plan exists; no token gets 401
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestInfrastructure.tokenFor("/api/v1/districts/hanyang", "x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<String> otherDepartment = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).header("Authorization", "Bearer " + TestInfrastructure.issuer().token("v", "caidian", "other",
                List.of("DEPARTMENT_VIEWER"), Duration.ofMinutes(5))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherDepartment.statusCode()).isEqualTo(404);
        HttpResponse<String> viewer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).header("Authorization", "Bearer " + TestInfrastructure.issuer().token("v", "caidian", "scjgj",
                List.of("DEPARTMENT_VIEWER"), Duration.ofMinutes(5))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viewer.statusCode()).isEqualTo(200);
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).header("Authorization", "Bearer " + TestInfrastructure.issuer().token("a", "caidian", null,
                List.of("PLATFORM_ADMIN"), Duration.ofMinutes(5))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(403);
        // an auditor's reads are recorded; finance can list them; an editor cannot
        String auditor = TestInfrastructure.issuer().token("shen.ji", "caidian", null, List.of("AUDITOR"),
                Duration.ofMinutes(5));
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + auditor).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/districts/caidian/access-audit")).header("Authorization", "Bearer "
                + TestInfrastructure.issuer().token("cai.zheng", "caidian", null, List.of("DISTRICT_FINANCE"),
                Duration.ofMinutes(5))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode entry = JSON.readTree(audit.body()).get(0);
        assertThat(entry.get("subject").asText()).isEqualTo("shen.ji");
        assertThat(entry.get("path").asText()).isEqualTo(path);
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/districts/caidian/access-audit")).header("Authorization", "Bearer "
                + TestInfrastructure.issuer().token("e", "caidian", "scjgj", List.of("DEPARTMENT_EDITOR"),
                Duration.ofMinutes(5))).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path.replace("2020", "2019"))).header("Authorization", "Bearer "
                + TestInfrastructure.tokenFor(path, "li.si")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theApiIsDescribedAsOpenApi() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(docs.body()).get("paths")
                .has("/api/v1/districts/{district}/departments/{department}/years/{year}/projects/{project}/scorecard"))
                .isTrue();
    }

    /**
     * An event that reads but can never be applied (a name longer than the read model's column, as a store written
     * before the API's bound might hold) is dead-lettered with its reason and passed over: the events after it in its
     * own stream and in the same batch still apply, and nothing stalls.
     */
    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAndBlocksNothing() throws Exception {
        double deadBefore = deadLetters();
        DepartmentId poisoned = DepartmentId.of("wuchang", "long");
        DepartmentId healthy = DepartmentId.of("wuchang", "fine");
        PlanId plan = PlanId.departmentWide(poisoned, FiscalYear.of(2021));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope e : new EventEnvelope[] {
                    inDistrict("wuchang", envelope("wuchang/long", 0, new DepartmentRegistered(poisoned, "局".repeat(300)))),
                    inDistrict("wuchang", envelope("wuchang/fine", 0, new DepartmentRegistered(healthy, "武昌区某局"))),
                    inDistrict("wuchang", envelope(plan.aggregateId(), 0, new DepartmentPlanStarted(plan)))}) {
                producer.send(new ProducerRecord<>(TOPIC, "wuchang/x", EventEnvelopeCodec.encode(e))).get();
            }
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && (deadLetters() < deadBefore + 1
                || jdbc.queryForObject("SELECT count(*) FROM plan WHERE district = 'wuchang'", Integer.class) == 0)) {
            Thread.sleep(100);
        }
        assertThat(deadLetters()).isEqualTo(deadBefore + 1);
        assertThat(jdbc.queryForList("SELECT department_id FROM department WHERE district = 'wuchang'", String.class))
                .containsExactly("fine");
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM projection_position WHERE aggregate_id = "
                + "'wuchang/long'", Long.class)).as("its place in the stream is passed").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan WHERE district = 'wuchang'", Integer.class))
                .isEqualTo(1);
    }

    private static EventEnvelope inDistrict(String district, EventEnvelope envelope) {
        return new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(), envelope.aggregateType(),
                envelope.aggregateId(), envelope.sequence(), envelope.globalIndex(), envelope.timestamp(),
                Map.of("district", district, "actor", "li.si", "correlationId", "c-" + envelope.sequence()),
                envelope.payload());
    }

    @Test
    void poisonIsDataTheTablesRefuseOrCodeThatCannotProjectNeverAnOutage() {
        assertThat(EventTopicConsumer.isPoison(new DataIntegrityViolationException("x",
                new SQLException("value too long", "22001")))).isTrue();
        assertThat(EventTopicConsumer.isPoison(new DataIntegrityViolationException("x",
                new SQLException("duplicate", "23505")))).isTrue();
        assertThat(EventTopicConsumer.isPoison(new IllegalArgumentException("cannot project"))).isTrue();
        assertThat(EventTopicConsumer.isPoison(new CannotAcquireLockException("deadlock",
                new SQLException("deadlock detected", "40P01")))).isFalse();
        assertThat(EventTopicConsumer.isPoison(new QueryTimeoutException("timeout"))).isFalse();
        assertThat(EventTopicConsumer.isPoison(new DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001")))).isFalse();
    }

    private double deadLetters() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/actuator/metrics/perfledger.projection.dead-letters")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.statusCode() == 200 ? JSON.readTree(metrics.body()).get("measurements").get(0).get("value").asDouble() : 0;
    }
}
