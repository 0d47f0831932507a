package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.embedded.FreePorts;

/**
 * The platform under load and faults, on a platform of its own (so a killed service or a restarted database disturbs
 * no other test): the broker stopped and started again, the query service killed mid-batch, PostgreSQL restarted,
 * duplicate and out-of-order deliveries, a poison record, conflicting commands, and two query-service instances
 * sharing the topic. Clients retry as real ones do: a refused request (503) or a dropped connection is sent again
 * with its Idempotency-Key. After each fault every command reached the read models exactly once, every projection
 * equals a fresh rebuild from the event store row by row, and the district's hash chain verifies.
 */
class FaultsTest {

    private static final String DISTRICT = "faults";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = LocalPlatform.start(new PlatformSettings(ScratchDirectories.create("perfledger-faults"),
                Path.of("target/services").toAbsolutePath(), Optional.empty(), "postgres", "", Optional.empty(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), false));
        client = new PlatformClient(platform);
        HttpResponse<String> onboarded = client.command("POST", "/api/v1/districts", "{\"district\":\"" + DISTRICT
                + "\",\"name\":\"故障演练区\"}", platform.adminToken());
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** After every fault: the read models equal a fresh rebuild, and the chain holds. */
    @AfterEach
    void everyProjectionEqualsAFreshRebuildAndTheChainVerifies() {
        JsonNode check = client.rebuild(false);
        assertThat(check.get("state").asText()).as(check.toString()).isEqualTo("done");
        assertThat(check.get("comparison").get("equal").asBoolean()).as(check.get("comparison").toString()).isTrue();
        assertThat(check.get("comparison").get("inFlightStreams").asLong()).isZero();
        JsonNode chain = PlatformClient.json(client.get(platform.commandUrl() + "/api/v1/districts/" + DISTRICT
                + "/event-chain/verification", client.token(DISTRICT, null, "AUDITOR")).body());
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
    }

    /**
     * The rebuild run as a process of its own (the query service's rebuild profile, as the Kubernetes job runs it):
     * it swaps fresh read models in and exits 0, and the serving instance, which never held the rebuild's memory,
     * hears of the swap and goes on answering from the new tables. It reports how it went in a file, as the
     * Kubernetes job does in its termination message.
     */
    @Test
    void aRebuildRunAsAProcessOfItsOwnSwapsInAndTheServingInstanceHearsOfIt() throws Exception {
        String plan = planInExecution("rebuildjob");
        double heard = metric(platform.queryUrl(), "perfledger_rebuild_remote_swaps_total");
        long before = departmentTable();

        Path report = Files.createTempFile("rebuild-report", ".json");
        assertThat(platform.runRebuildJob(true, FreePorts.pick(), Duration.ofMinutes(5), Map.of(
                "PERFLEDGER_REBUILD_WORKERS", "3", "PERFLEDGER_REBUILD_REPORT", report.toString()))).isZero();

        JsonNode done = PlatformClient.json(Files.readString(report));
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("workers").asInt()).isEqualTo(3);
        assertThat(done.get("comparison").get("equal").asBoolean()).as(done.toString()).isTrue();
        List<String> phases = new ArrayList<>();
        done.get("phaseSeconds").fieldNames().forEachRemaining(phases::add);
        assertThat(phases).containsSubsequence("preparing", "replaying", "writing", "analyzing", "catching-up",
                "comparing", "swapping");
        assertThat(departmentTable()).as("the live tables are the rebuilt ones").isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                metric(platform.queryUrl(), "perfledger_rebuild_remote_swaps_total") == heard + 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.get(platform.queryUrl() + plan, platform.tokenFor(plan, "f")).statusCode() == 200);
    }

    private static long departmentTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(platform.databaseUrl(), "postgres", "");
             ResultSet oid = connection.createStatement().executeQuery("SELECT 'readmodel.department'::regclass::oid")) {
            oid.next();
            return oid.getLong(1);
        }
    }

    /** A department with a plan in execution, ready for spending; answers the plan's path. */
    private static String planInExecution(String department) {
        client.send("POST", "/api/v1/districts/" + DISTRICT + "/departments", "{\"departmentId\":\"" + department
                + "\",\"name\":\"" + department + "局\"}");
        String plan = "/api/v1/districts/" + DISTRICT + "/departments/" + department + "/years/2020/department";
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100000.00\"}}");
        client.send("POST", plan + "/goals", "{\"text\":\"保障运转\"}");
        client.send("PUT", plan + "/indicators/F.1", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);
        return plan;
    }

    /** Sends one command until it is answered, retrying with the same Idempotency-Key as a real client does. */
    private static HttpResponse<String> sendUntilAnswered(String method, String path, String body,
                                                          Map<String, String> headers) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.commandUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("Authorization", "Bearer " + platform.tokenFor(path, "load"))
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(request::header);
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 503 && response.statusCode() < 500) {
                    return response;
                }
                assertThat(response.statusCode()).as("a database out of reach is 503, never a 500: "
                        + response.body()).isEqualTo(503);
            } catch (IOException dropped) {
                // the connection went with the fault: send again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(method + " " + path + " was not answered within two minutes");
            }
            LocalPlatform.sleep(Duration.ofMillis(200));
        }
    }

    /** Clients spending 1.00 at a time on their plans until stopped; counts what the command service accepted. */
    private static final class Load implements AutoCloseable {
        final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Load(List<String> plans) {
            for (String plan : plans) {
                accepted.put(plan, new AtomicInteger());
                Thread thread = new Thread(() -> {
                    try {
                        while (running.get()) {
                            HttpResponse<String> response = sendUntilAnswered("POST", plan + "/budget/expenditures",
                                    "{\"amount\":\"1.00\",\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\","
                                            + "\"description\":\"日常\"}", Map.of());
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                            accepted.get(plan).incrementAndGet();
                        }
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                }, "load " + plan);
                clients.add(thread);
                thread.start();
            }
        }

        void awaitAtLeast(int each) {
            await().atMost(Duration.ofMinutes(2)).until(() -> !failures.isEmpty()
                    || accepted.values().stream().allMatch(n -> n.get() >= each));
            assertThat(failures).isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : clients) {
                thread.join(Duration.ofMinutes(3).toMillis());
            }
            assertThat(failures).isEmpty();
        }

        /** Every accepted expenditure is in the read models, once. */
        void awaitProjected() {
            accepted.forEach((plan, count) -> {
                String expected = count.get() + ".00";
                await(plan).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    HttpResponse<String> read = client.get(platform.queryUrl() + plan, platform.tokenFor(plan, "f"));
                    return read.statusCode() == 200 && PlatformClient.json(read.body()).get("budget").get("executed")
                            .asText().equals(expected);
                });
            });
        }
    }

    @Test
    void theBrokerStoppedAndStartedAgainUnderLoad() throws Exception {
        Load load = new Load(List.of(planInExecution("broker1"), planInExecution("broker2")));
        try (load) {
            load.awaitAtLeast(5);
            platform.embeddedKafka().orElseThrow().stop();
            int atTheStop = load.accepted.values().stream().mapToInt(AtomicInteger::get).sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted.values().stream()
                    .mapToInt(AtomicInteger::get).sum() >= atTheStop + 20);
            platform.embeddedKafka().orElseThrow().start();
            load.awaitAtLeast(40);
        }
        load.awaitProjected();
    }

    @Test
    void theQueryServiceKilledMidBatchAndStartedAgain() throws Exception {
        Load load = new Load(List.of(planInExecution("killed1"), planInExecution("killed2")));
        try (load) {
            load.awaitAtLeast(10);
            platform.stopService("query-service", true);
            load.awaitAtLeast(30);
            platform.restartService("query-service");
            load.awaitAtLeast(40);
        }
        load.awaitProjected();
    }

    @Test
    void postgresRestartedUnderLoad() throws Exception {
        Load load = new Load(List.of(planInExecution("restart1"), planInExecution("restart2")));
        try (load) {
            load.awaitAtLeast(10);
            int before = load.accepted.values().stream().mapToInt(AtomicInteger::get).sum();
            platform.restartPostgres(Duration.ofSeconds(2));
            await().atMost(Duration.ofMinutes(2)).until(() -> load.accepted.values().stream()
                    .mapToInt(AtomicInteger::get).sum() >= before + 20);
        }
        load.awaitProjected();
        // the services answer reads again, after the database came back
        String plan = load.accepted.keySet().iterator().next();
        assertThat(client.get(platform.queryUrl() + plan, platform.tokenFor(plan, "f")).statusCode()).isEqualTo(200);
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesChangeNothing() throws Exception {
        String plan = planInExecution("replayed");
        for (int i = 0; i < 10; i++) {
            client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"1.00\",\"date\":\"2020-06-30\","
                    + "\"expenditureClass\":\"公用经费\",\"description\":\"第" + i + "笔\"}");
        }
        String executed = "10.00";
        await().atMost(Duration.ofSeconds(30)).until(() -> executed(plan)
                .equals(executed));
        JsonNode before = client.read(plan);

        List<ConsumerRecord<String, byte[]>> records = topic(record -> (DISTRICT + "/replayed").equals(record.key()));
        assertThat(records).hasSizeGreaterThan(10);
        List<ConsumerRecord<String, byte[]>> again = new ArrayList<>(records);
        Collections.reverse(again);
        again.addAll(records.subList(0, records.size() / 2));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : again) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
                record.headers().forEach(copy.headers()::add);
                producer.send(copy).get();
            }
        }
        // a marker sent after them: once it shows, the copies have been consumed
        client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"0.01\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"标记\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> executed(plan)
                .equals("10.01"));
        JsonNode after = client.read(plan);
        assertThat(after.get("budget").get("movements")).hasSize(before.get("budget").get("movements").size() + 1);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicCountedAndBlocksNothing() throws Exception {
        String plan = planInExecution("poisoned");
        double deadBefore = metric(platform.queryUrl(), "perfledger_projection_dead_letters_total");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>("perfledger.events", DISTRICT + "/poisoned",
                    "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"7.00\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"毒消息之后\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> executed(plan)
                .equals("7.00"));
        assertThat(metric(platform.queryUrl(), "perfledger_projection_dead_letters_total")).isEqualTo(deadBefore + 1);
        List<ConsumerRecord<String, byte[]>> dead = consume("perfledger.events.DLT", record -> true);
        assertThat(dead).anySatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("an event"));
    }

    @Test
    void ofTwoConflictingCommandsOneWinsTheOtherGets409AndNoUpdateIsLost() throws Exception {
        String plan = planInExecution("conflict");
        HttpResponse<String> first = sendUntilAnswered("POST", plan + "/budget/expenditures", "{\"amount\":\"1.00\","
                + "\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\",\"description\":\"先\"}", Map.of());
        String version = first.headers().firstValue("ETag").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(() -> {
                    start.await();
                    return sendUntilAnswered("POST", plan + "/budget/expenditures", "{\"amount\":\"2.00\","
                            + "\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\",\"description\":\"同一版本\"}",
                            Map.of("If-Match", version)).statusCode();
                });
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> call : racing) {
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);

            // unconditional writes to the same plan at once are serialised: none overwrites another
            List<Future<Integer>> many = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                many.add(pool.submit(() -> sendUntilAnswered("POST", plan + "/budget/expenditures",
                        "{\"amount\":\"0.50\",\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\","
                                + "\"description\":\"并发\"}", Map.of()).statusCode()));
            }
            for (Future<Integer> answer : many) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> executed(plan)
                .equals("15.00"));
    }

    @Test
    void twoQueryInstancesShareThePartitionsAndTogetherBuildTheSameProjections() throws Exception {
        String second = platform.startQueryService("query-service-2", FreePorts.pick());
        try {
            // the new instance has joined the group and been given its share of the partitions
            await().atMost(Duration.ofMinutes(1)).until(() -> metric(second,
                    "kafka_consumer_coordinator_assigned_partitions") > 0);
            List<String> plans = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                plans.add(planInExecution("scaled" + i));
            }
            Load load = new Load(plans);
            try (load) {
                load.awaitAtLeast(20);
            }
            load.awaitProjected();
            // both instances applied events: the partitions are shared, not idle on one side
            assertThat(applied(platform.queryUrl())).isPositive();
            assertThat(applied(second)).isPositive();
        } finally {
            platform.stopService("query-service-2", false);
        }
    }

    private static String executed(String plan) {
        JsonNode view = client.readIfThere(plan);
        return view == null ? "" : view.get("budget").get("executed").asText();
    }

    private static double applied(String url) throws Exception {
        return metric(url, "perfledger_projection_events_total", "outcome=\"applied\"");
    }

    /** The sum of a meter's series on a service's Prometheus endpoint, of those whose labels contain every filter. */
    private static double metric(String url, String name, String... filters) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : text.lines().toList()) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " "))
                    && Set.of(filters).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> topic(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return consume("perfledger.events", wanted);
    }

    /** Everything on a topic so far that matches. */
    private static List<ConsumerRecord<String, byte[]>> consume(String topic,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 5) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    empty++;
                }
                batch.forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
