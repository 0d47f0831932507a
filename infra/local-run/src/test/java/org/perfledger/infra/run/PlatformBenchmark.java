package org.perfledger.infra.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.bench.ClosedLoop;
import org.perfledger.infra.embedded.FreePorts;
import org.postgresql.PGConnection;

/**
 * The platform measured against its limits, each figure beside its reference in the same run (issue 8): commands over
 * HTTP at 1, 8 and 32 clients next to PostgreSQL's own single-row insert transactions of the same size (pgbench,
 * same server, same durability); end-to-end lag under steady load; projection throughput from Kafka into the tables;
 * a full rebuild of a district of a million events next to PostgreSQL streaming the same rows; dashboard, overview
 * and as-of latency with 200 departments × 10 years; each service's memory. Every figure over three runs (min,
 * median, max). The platform runs as {@code ./perfledger run} starts it, on a durable PostgreSQL (fsync and
 * synchronous commit on). Writes {@code infra/local-run/target/benchmarks/platform.json}; {@code BenchmarkReport}
 * turns it, with the plain-Axon reference, into BENCHMARKS.md. Run with {@code ./perfledger bench}.
 */
@Tag("benchmark")
class PlatformBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("perfledger.bench.runs", 3);
    /**
     * Some phases only, comma separated (e.g. {@code -Dperfledger.bench.only=lag,projections}), to look at one figure
     * while working on it: the figures are printed and BENCHMARKS.md is left as it is.
     */
    private static final Set<String> ONLY = Set.of(System.getProperty("perfledger.bench.only", "").split(",")).stream()
            .filter(name -> !name.isBlank()).collect(Collectors.toSet());
    /** Commands per plan piled up while the query service is stopped (32 plans). */
    private static final int BACKLOG_PER_PLAN = Integer.getInteger("perfledger.bench.backlog", 1000);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("perfledger.bench.seconds", 10));
    private static final int[] CLIENTS = {1, 8, 32};
    private static final int DISTRICTS = 8;
    private static final String BIG = "benchbig";
    private static final int BIG_DEPARTMENTS = Integer.getInteger("perfledger.bench.departments", 200);
    private static final int BIG_EXPENDITURES = Integer.getInteger("perfledger.bench.expenditures", 143);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectNode results = JSON.createObjectNode();
    private final AtomicReference<String> phase = new AtomicReference<>("start");
    private final Map<String, Map<String, Long>> rss = new ConcurrentHashMap<>();
    /** Per service and phase, the highest of each of the JVM's own memory figures and its live threads. */
    private final Map<String, Map<String, Map<String, Long>>> jvmMemory = new ConcurrentHashMap<>();
    /** The phase in which the services are profiled; its memory is shown but not held to the bound. */
    static final String PROFILING = "profiling";
    /** A rebuild's phases up to the catch-up: what its replay-and-write rate is timed over. */
    private static final List<String> REPLAY_AND_WRITE = List.of("preparing", "replaying", "writing", "analyzing");
    /** The platform measured; the memory sampler reads it from its own thread. */
    private volatile LocalPlatform platform;
    private List<String> commandPlans;
    private Path home;

    @Test
    void thePlatformAgainstItsLimits() throws Exception {
        home = ScratchDirectories.create("perfledger-bench");
        platform = LocalPlatform.start(new PlatformSettings(home, Path.of("target/services").toAbsolutePath(),
                Optional.empty(), "postgres", "", Optional.empty(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), true));
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sampleMemory(sampling), "rss-sampler");
        sampler.start();
        try {
            results.put("date", LocalDate.now().toString());
            for (Map.Entry<String, Phase> step : phases().entrySet()) {
                if (ONLY.isEmpty() || ONLY.contains(step.getKey())) {
                    step.getValue().run();
                }
            }
        } finally {
            sampling.set(false);
            sampler.join();
            ObjectNode memory = results.putObject("rssMiB");
            rss.forEach((service, phases) -> {
                ObjectNode byPhase = memory.putObject(service);
                phases.forEach((name, bytes) -> byPhase.put(name, bytes / (1024 * 1024)));
            });
            ObjectNode jvm = results.putObject("jvmMiB");
            jvmMemory.forEach((service, phases) -> {
                ObjectNode byPhase = jvm.putObject(service);
                phases.forEach((name, figures) -> {
                    ObjectNode inPhase = byPhase.putObject(name);
                    figures.forEach((figure, amount) -> inPhase.put(figure,
                            figure.equals("threads") ? amount : amount / (1024 * 1024)));
                });
            });
            Path out = Path.of("target", "benchmarks", "platform.json");
            Files.createDirectories(out.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
            System.out.println(results.toPrettyString());
            String machine = machine();
            platform.close();
            if (ONLY.isEmpty()) {
                report(machine);
            }
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** The phases in the order they run; some need those before them (the views need the big district). */
    private Map<String, Phase> phases() {
        Map<String, Phase> phases = new LinkedHashMap<>();
        phases.put("commands", this::commands);
        phases.put("sharded", this::sharded);
        phases.put("pgbench", this::pgbench);
        phases.put("lag", this::lag);
        phases.put("projections", this::projections);
        phases.put("bigDistrict", this::bigDistrict);
        phases.put("rebuilds", this::rebuilds);
        phases.put("rebuildJob", this::rebuildJob);
        phases.put("postgresStreaming", this::postgresStreaming);
        phases.put("views", this::views);
        phases.put("profiles", this::profiles);
        return phases;
    }

    /** BENCHMARKS.md at the repository's root, with the command service's references of the same run. */
    private void report(String machine) throws IOException {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        Path plainAxon = root.resolve("command-service/target/benchmarks/plain-axon.json");
        Path longHistory = root.resolve("command-service/target/benchmarks/long-history.md");
        new BenchmarkReport(results, Files.exists(plainAxon) ? JSON.readTree(plainAxon.toFile()) : null,
                Files.exists(longHistory) ? Files.readString(longHistory) : null, machine)
                .writeInto(root.resolve("BENCHMARKS.md"));
    }

    /** The machine in one line: CPU, cores, memory, operating system, JDK, PostgreSQL, Kafka. */
    private String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB RAM")
                    .findFirst().orElse("");
        } catch (IOException e) {
            // not Linux
        }
        String postgres = "PostgreSQL";
        try (Connection connection = database(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            postgres = "PostgreSQL " + row.getString(1) + " (embedded, durable)";
        } catch (Exception e) {
            // stopped
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; JDK "
                + System.getProperty("java.version") + "; " + postgres + "; Kafka "
                + org.apache.kafka.common.utils.AppInfoParser.getVersion() + " (embedded KRaft broker)";
    }

    // ---- commands over HTTP, and PostgreSQL's own insert transactions beside them ----------------------------------

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private String token(String path) {
        return tokens.computeIfAbsent(path.split("/years/")[0], key -> platform.tokenFor(path, "bench"));
    }

    private HttpResponse<String> command(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(platform.commandUrlFor(path, body) + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token(path)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void ok(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " → " + response.statusCode() + " " + response.body());
        }
    }

    /** Plans in execution, spread over the districts round robin; answers their paths. */
    private List<String> plans(String prefix, int count, int districts) {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String district = prefix + (i % districts);
            if (i < districts) {
                HttpResponse<String> onboarded = http(platform.commandUrl(district) + "/api/v1/districts", "POST",
                        "{\"district\":\"" + district + "\",\"name\":\"基准区\"}", platform.adminToken());
                if (onboarded.statusCode() != 201 && onboarded.statusCode() != 409) {
                    ok(onboarded);
                }
            }
            String department = "d" + UUID.randomUUID().toString().substring(0, 8);
            ok(command("POST", "/api/v1/districts/" + district + "/departments", "{\"departmentId\":\"" + department
                    + "\",\"name\":\"基准部门\"}"));
            String plan = "/api/v1/districts/" + district + "/departments/" + department + "/years/2020/department";
            ok(command("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"9999999.00\"}}"));
            ok(command("POST", plan + "/goals", "{\"text\":\"保障运转\"}"));
            ok(command("PUT", plan + "/indicators/B.1", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                    + "\"name\":\"抽检\",\"weight\":\"80\",\"target\":\"100批次\"}"));
            ok(command("POST", plan + "/targets/submission", null));
            ok(command("POST", plan + "/targets/approval", null));
            plans.add(plan);
        }
        return plans;
    }

    private static final String SPEND = "{\"amount\":\"0.01\",\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\","
            + "\"description\":\"日常公用\"}";

    /**
     * Every client spends on its own plan, as fast as it is answered (or paced to {@code perSecond} in all, when
     * above zero), for the duration; answers each command's latency in nanoseconds.
     */
    private List<Long> load(List<String> plans, Duration duration, double perSecond) throws InterruptedException {
        return ClosedLoop.run(plans, duration, perSecond, plan -> ok(command("POST", plan + "/budget/expenditures",
                SPEND)));
    }

    private static ObjectNode figures(List<Long> latencies, Duration duration) {
        ClosedLoop.Figures figures = ClosedLoop.Figures.of(latencies, duration);
        return JSON.createObjectNode().put("perSecond", figures.perSecond()).put("p50Ms", figures.p50Ms())
                .put("p99Ms", figures.p99Ms());
    }

    /**
     * The same 32 clients on a platform sharded by district on this machine: two PostgreSQL servers, two command
     * services (each keeping half the districts), the bench's broker. Both shards share the machine's cores, so this
     * shows what sharding costs where it cannot add hardware, not how it scales out.
     */
    private void sharded() throws Exception {
        phase.set("sharded");
        List<String> west = new ArrayList<>();
        for (int d = 0; d < DISTRICTS; d += 2) {
            west.add("benchshard" + d);
        }
        LocalPlatform unsharded = platform;
        LocalPlatform two = LocalPlatform.start(new PlatformSettings(home.resolve("sharded"),
                Path.of("target/services").toAbsolutePath(), Optional.empty(), "postgres", "",
                Optional.of(unsharded.kafkaBootstrap()), FreePorts.pick(), 0, FreePorts.pick(), FreePorts.pick(), true,
                "perfledger.bench-sharded").withShards(Map.of("west", west)));
        try {
            platform = two;
            tokens.clear();
            List<String> all = plans("benchshard", 32, DISTRICTS);
            load(all.subList(0, 8), Duration.ofSeconds(8), 0);
            ObjectNode sharded = results.putObject("commandsSharded");
            sharded.put("clients", 32).put("shards", 2);
            ArrayNode runs = sharded.putArray("runs");
            for (int r = 0; r < RUNS; r++) {
                runs.add(figures(load(all, RUN, 0), RUN));
            }
        } finally {
            // the memory sampler goes back to the unsharded platform before this one stops
            platform = unsharded;
            tokens.clear();
            two.close();
        }
    }

    private void commands() throws Exception {
        phase.set("commands");
        List<String> all = plans("bench", 32, DISTRICTS);
        commandPlans = all;
        load(all.subList(0, 8), Duration.ofSeconds(8), 0); // warm up the JIT, the pools and PostgreSQL
        ArrayNode levels = results.putArray("commands");
        double at32 = 0;
        for (int clients : CLIENTS) {
            ObjectNode level = levels.addObject();
            level.put("clients", clients);
            ArrayNode runs = level.putArray("runs");
            List<Double> rates = new ArrayList<>();
            Map<String, Long> before = cpuTicks();
            String metricsBefore = metrics(platform.commandUrl());
            long begun = System.nanoTime();
            long commands = 0;
            for (int r = 0; r < RUNS; r++) {
                List<Long> latencies = load(all.subList(0, clients), RUN, 0);
                commands += latencies.size();
                ObjectNode run = figures(latencies, RUN);
                runs.add(run);
                rates.add(run.get("perSecond").asDouble());
            }
            level.set("cpu", cpuSpent(before, cpuTicks(), (System.nanoTime() - begun) / 1e9, commands));
            level.put("commandsPerCommit", perCommit(metricsBefore, metrics(platform.commandUrl())));
            if (clients == 32) {
                Collections.sort(rates);
                at32 = rates.get(rates.size() / 2);
            }
        }
        ObjectNode oneDistrict = results.putObject("commandsOneDistrict");
        oneDistrict.put("clients", 32);
        List<String> crowded = plans("benchone", 32, 1);
        ArrayNode runs = oneDistrict.putArray("runs");
        for (int r = 0; r < RUNS; r++) {
            runs.add(figures(load(crowded, RUN, 0), RUN));
        }
        ObjectNode half = results.putObject("commandsHalfLoad");
        half.put("perSecond", at32 / 2);
        ArrayNode paced = half.putArray("runs");
        for (int r = 0; r < RUNS; r++) {
            paced.add(figures(load(all, RUN, at32 / 2), RUN));
        }
    }

    private void pgbench() throws Exception {
        phase.set("pgbench");
        int bytes;
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.event_row, bench.sample");
            // the event table's columns, keys and indexes; not its hash-chain trigger: a raw insert
            statement.execute("CREATE TABLE bench.event_row (LIKE eventstore.domain_event_entry INCLUDING ALL)");
            // a real expenditure's payload and metadata, for rows of the same size
            statement.execute("CREATE TABLE bench.sample AS SELECT payload, meta_data FROM eventstore.domain_event_entry "
                    + "WHERE payload_type = 'ExpenditureRecorded' LIMIT 1");
            try (ResultSet row = statement.executeQuery("SELECT length(payload) + length(meta_data) FROM bench.sample")) {
                row.next();
                bytes = row.getInt(1);
            }
        }
        Path script = home.resolve("insert.sql");
        Files.writeString(script, "\\set seq random(1, 9000000000000000)\n"
                + "INSERT INTO bench.event_row (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data) SELECT md5(random()::text || "
                + "clock_timestamp()::text), 'bench/c' || :client_id, :seq, 'AnnualPlan', clock_timestamp()::text, "
                + "'ExpenditureRecorded', '1', payload, meta_data FROM bench.sample;\n");
        results.put("eventRowBytes", bytes);
        URI db = URI.create(platform.databaseUrl().substring("jdbc:".length()));
        ArrayNode levels = results.putArray("pgbench");
        for (int clients : CLIENTS) {
            ObjectNode level = levels.addObject();
            level.put("clients", clients);
            ArrayNode runs = level.putArray("runs");
            for (int r = 0; r < RUNS; r++) {
                Path logs = Files.createTempDirectory(home, "pgbench");
                Process pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-f", script.toString(),
                        "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                        "-T", Long.toString(RUN.toSeconds()), "-l", "--log-prefix=" + logs.resolve("log"),
                        "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", "postgres",
                        db.getPath().substring(1)).redirectErrorStream(true).start();
                String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (pgbench.waitFor() != 0) {
                    throw new IllegalStateException("pgbench failed: " + output);
                }
                List<Long> latencies = new ArrayList<>();
                try (Stream<Path> files = Files.list(logs)) {
                    for (Path file : files.toList()) {
                        for (String line : Files.readAllLines(file)) {
                            latencies.add(Long.parseLong(line.split(" ")[2]) * 1000);
                        }
                    }
                }
                runs.add(figures(latencies, RUN));
            }
        }
    }

    // ---- end-to-end lag, projection throughput ----------------------------------------------------------------------

    /**
     * How often a polling lag client reads its plan until the command shows. Each read is the whole plan document
     * (about ten queries) on the two cores the pipeline being measured runs on, so the clients wait a little between
     * reads: this is the figures' resolution, and the reads it costs are reported beside them.
     */
    private static final Duration LAG_POLL = Duration.ofMillis(5);

    /**
     * Command accepted → visible on the query API, at 80 commands/s. The measured way is the one the web UI takes: the
     * client asks for the plan at the version the command answered with ({@code ?minVersion=}), and the query service
     * answers once its read model is there. Beside it, the earlier harness's way: reading the whole plan every
     * {@link #LAG_POLL} until the version shows, which loads the two cores with reads it then measures.
     */
    private void lag() throws Exception {
        phase.set("lag");
        lag("lag", "benchlag", false);
        lag("lagPolling", "benchlagpoll", true);
    }

    /**
     * Each run on 8 plans of its own: a plan's document grows by a movement with every command (the five runs on the
     * same plans once made the last run's every read one of about 500 movements), so each run starts as the others.
     */
    private void lag(String name, String plansPrefix, boolean polling) throws Exception {
        ArrayNode runs = results.putObject(name).put("perSecond", 80).putArray("runs");
        // two runs first to warm the services up at this load, not recorded: the figure is for steady load (a single
        // one left the first recorded run 30 to 50 ms worse at p99 than the next, run after run: code still compiling)
        for (int r = -2; r < RUNS; r++) {
            List<String> plans = plans(plansPrefix, 8, 4);
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger polls = new AtomicInteger();
            // the services' own timers, read before and after the run: prefix → where, which histogram
            Map<String, String[]> timers = new LinkedHashMap<>();
            timers.put("relayed", new String[] {platform.commandUrl(), "perfledger_relay_lag_seconds"});
            timers.put("applied", new String[] {platform.queryUrl(), "perfledger_projection_lag_seconds"});
            timers.put("publish", new String[] {platform.commandUrl(), "perfledger_relay_publish_seconds"});
            timers.put("pickup", new String[] {platform.commandUrl(), "perfledger_relay_pickup_seconds"});
            timers.put("batch", new String[] {platform.queryUrl(), "perfledger_projection_batch_seconds"});
            Map<String, Map<Double, Long>> before = new HashMap<>();
            timers.forEach((prefix, timer) -> before.put(prefix, buckets(timer[0], timer[1])));
            double heldBefore = sum(metrics(platform.commandUrl()), "perfledger_relay_held_back_total", "");
            List<Thread> clients = new ArrayList<>();
            long end = System.nanoTime() + RUN.toNanos();
            for (String plan : plans) {
                Thread client = new Thread(() -> {
                    String finance = platform.tokenFor(plan, "bench");
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        HttpResponse<String> done = command("POST", plan + "/budget/expenditures", SPEND);
                        ok(done);
                        long accepted = System.nanoTime();
                        long version = Long.parseLong(done.headers().firstValue("ETag").orElseThrow().replace("\"", "")
                                .replace("W/", ""));
                        String read = platform.queryUrl() + plan + (polling ? "" : "?minVersion=" + version);
                        while (true) {
                            HttpResponse<String> answer = http(read, "GET", null, finance);
                            polls.incrementAndGet();
                            if (answer.statusCode() == 200
                                    && parse(answer.body()).get("version").asLong() >= version) {
                                break;
                            }
                            if (polling) {
                                LockSupport.parkNanos(LAG_POLL.toNanos());
                            }
                        }
                        lags.add(System.nanoTime() - accepted);
                        LockSupport.parkNanos(Math.max(0, 100_000_000 - (System.nanoTime() - started)));
                    }
                });
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            ObjectNode run = figures(lags, RUN);
            run.remove("perSecond");
            run.put("pollsPerSecond", polls.get() / (double) RUN.toSeconds());
            timers.forEach((prefix, timer) -> {
                Map<Double, Long> after = buckets(timer[0], timer[1]);
                run.put(prefix + "P50Ms", quantileMs(before.get(prefix), after, 0.50));
                run.put(prefix + "P99Ms", quantileMs(before.get(prefix), after, 0.99));
            });
            run.put("heldBackPerSecond", (sum(metrics(platform.commandUrl()), "perfledger_relay_held_back_total", "")
                    - heldBefore) / RUN.toSeconds());
            if (r >= 0) {
                runs.add(run);
            }
        }
    }

    /** A timer's histogram from a service's Prometheus endpoint: bucket bound (s) → cumulative count, all series. */
    private Map<Double, Long> buckets(String baseUrl, String metric) {
        Map<Double, Long> buckets = new TreeMap<>();
        for (String line : metrics(baseUrl).lines().toList()) {
            if (line.startsWith(metric + "_bucket{")) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum);
            }
        }
        return buckets;
    }

    /**
     * The upper bound (ms) of the bucket the quantile falls in, over what was recorded between two scrapes; NaN when
     * nothing was.
     */
    private static double quantileMs(Map<Double, Long> before, Map<Double, Long> after, double quantile) {
        long total = after.getOrDefault(Double.POSITIVE_INFINITY, 0L) - before.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Long> bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0L) >= quantile * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    /** The read models' swap lock ({@code ProjectionApplier.SWAP_LOCK}): while it is held, no live batch applies. */
    private static final long SWAP_LOCK = 0x5045_5246_5357_4150L;

    /**
     * Projections draining a backlog of 32,000 commands on 32 plans, two ways. Warm: the running query service's
     * consumers wait on the read models' swap lock, held here as a rebuild's swap holds it, while the backlog piles
     * up, and drain it once it is let go. Restarted: the query service is stopped while it piles up and started again,
     * so a fresh JVM drains it (its code compiling meanwhile).
     */
    private void projections() throws Exception {
        phase.set("projections");
        List<String> plans = plans("benchproj", 32, DISTRICTS);
        ArrayNode warm = results.putArray("projection");
        ArrayNode restarted = results.putArray("projectionRestarted");
        for (int r = 0; r < RUNS; r++) {
            try (Connection db = database(); Statement lock = db.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + SWAP_LOCK + ")");
                double before = applied();
                int sent = pileUp(plans);
                Thread.sleep(500);
                double during = applied() - before;
                if (during > sent / 10.0) {
                    throw new IllegalStateException("the projections did not wait for the swap lock: " + during
                            + " of " + sent + " applied while it was held");
                }
                double started = applied();
                lock.execute("SELECT pg_advisory_unlock(" + SWAP_LOCK + ")");
                warm.add(drain(started, sent));
            }
            platform.stopService("query-service", false);
            int sent = pileUp(plans);
            platform.restartService("query-service");
            // a fresh process counts from zero; reading the counter now could already include the first batches
            restarted.add(drain(0, sent));
        }
    }

    /** Each plan's client sends its share of the backlog, all at once; answers how many commands were sent. */
    private int pileUp(List<String> plans) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (String plan : plans) {
            Thread client = new Thread(() -> {
                for (int i = 0; i < BACKLOG_PER_PLAN; i++) {
                    ok(command("POST", plan + "/budget/expenditures", SPEND));
                    sent.incrementAndGet();
                }
            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        return sent.get();
    }

    /** Events applied per second from the first applied after {@code started} until all {@code sent} are. */
    private ObjectNode drain(double started, int sent) throws InterruptedException {
        long first = 0;
        double firstCount = 0;
        long last;
        double count;
        do {
            Thread.sleep(100);
            count = applied();
            last = System.nanoTime();
            if (first == 0 && count > started) {
                first = last;
                firstCount = count;
            }
        } while (count < started + sent);
        ObjectNode run = JSON.createObjectNode();
        run.put("events", sent);
        run.put("perSecond", (count - firstCount) / Math.max(1e-3, (last - first) / 1e9));
        return run;
    }

    private double applied() {
        return sum(metrics(platform.queryUrl()), "perfledger_projection_events_total", "outcome=\"applied\"");
    }

    // ---- a district of a million events: import, rebuild, PostgreSQL streaming the same rows ------------------------

    private void bigDistrict() throws Exception {
        phase.set("import");
        SyntheticDistrict district = new SyntheticDistrict(BIG, BIG_DEPARTMENTS, 2011, 10, 2, BIG_EXPENDITURES);
        Path file = home.resolve(BIG + ".jsonl");
        long events = district.writeTo(file);
        platform.stopService("query-service", false);
        long start = System.nanoTime();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(platform.commandUrl()
                        + "/api/v1/districts/" + BIG + "/event-log.jsonl")).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + platform.adminToken())
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - start) / 1e9;
        ok(imported);
        ObjectNode big = results.putObject("bigDistrict");
        big.put("events", events).put("departments", BIG_DEPARTMENTS).put("years", 10)
                .put("fileMiB", Files.size(file) / (1024 * 1024)).put("importSeconds", importSeconds)
                .put("importPerSecond", events / importSeconds);
        Files.delete(file);
        // the relay publishes them all; the query side is rebuilt from the store, so its consumers skip them
        long relayStart = System.nanoTime();
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet row = statement.executeQuery("SELECT (SELECT global_index FROM eventstore.relay_position)"
                        + " >= (SELECT max(global_index) FROM eventstore.domain_event_entry)")) {
                    row.next();
                    if (row.getBoolean(1)) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        big.put("relayPerSecond", events / ((System.nanoTime() - relayStart) / 1e9));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            String topic = "perfledger.events";
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition,
                    new OffsetAndMetadata(info.offset())));
            // the stopped instance's static members stay in the group until their session ends: take them out
            if (!admin.describeConsumerGroups(List.of("perfledger-query")).all().get().get("perfledger-query")
                    .members().isEmpty()) {
                admin.removeMembersFromConsumerGroup("perfledger-query", new RemoveMembersFromConsumerGroupOptions())
                        .all().get();
            }
            admin.alterConsumerGroupOffsets("perfledger-query", ends).all().get();
        }
        platform.restartService("query-service");
    }

    private void rebuilds() throws Exception {
        phase.set("rebuild");
        ArrayNode runs = results.putArray("rebuild");
        for (int r = 0; r < RUNS; r++) {
            runs.add(rebuild());
        }
    }

    /**
     * The same rebuild as a process of its own, as the Kubernetes job runs it, once each with 1, 2 and 4 fold threads
     * ({@code PERFLEDGER_REBUILD_WORKERS}): the serving query service's memory in this phase is that of an instance
     * that does not rebuild; the job's own is sampled beside it. Each job reports its phases' seconds in a file.
     */
    private void rebuildJob() throws IOException {
        phase.set("rebuild-job");
        ArrayNode jobs = results.putArray("rebuildJobs");
        for (int workers : new int[] {1, 2, 4}) {
            Path report = home.resolve("rebuild-job-" + workers + ".json");
            long begun = System.nanoTime();
            int status = platform.runRebuildJob(true, FreePorts.pick(), Duration.ofMinutes(30), Map.of(
                    "PERFLEDGER_REBUILD_WORKERS", Integer.toString(workers),
                    "PERFLEDGER_REBUILD_REPORT", report.toString()));
            double seconds = (System.nanoTime() - begun) / 1e9;
            if (status != 0 || !Files.exists(report)) {
                // shown in the report as it ended, and the later phases still run
                jobs.addObject().put("workers", workers).put("exitStatus", status).put("seconds", seconds);
                continue;
            }
            JsonNode done = JSON.readTree(report.toFile());
            JsonNode phases = done.path("phaseSeconds");
            double replayAndWrite = 0;
            for (String part : REPLAY_AND_WRITE) {
                replayAndWrite += phases.path(part).asDouble();
            }
            long events = done.path("applied").asLong();
            jobs.addObject().put("workers", done.path("workers").asInt()).put("exitStatus", status)
                    .put("seconds", seconds).put("events", events).put("replayAndWriteSeconds", replayAndWrite)
                    .put("perSecond", events / replayAndWrite)
                    .put("equal", done.path("comparison").path("equal").asBoolean()).set("phaseSeconds", phases);
        }
    }

    /** One full rebuild through the API, swapped in, with its timings. */
    private ObjectNode rebuild() throws Exception {
        HttpResponse<String> started = http(platform.queryUrl() + "/api/v1/read-models/rebuilds?swap=true", "POST",
                null, platform.adminToken());
        ok(started);
        String location = started.headers().firstValue("Location").orElseThrow();
        long begun = System.nanoTime();
        Long replayed = null;
        JsonNode status;
        do {
            Thread.sleep(100);
            status = parse(http(platform.queryUrl() + location, "GET", null, platform.adminToken()).body());
            String now = status.get("phase").asText();
            if (replayed == null && !now.equals("queued") && !REPLAY_AND_WRITE.contains(now)) {
                replayed = System.nanoTime();
            }
        } while (status.get("state").asText().equals("running"));
        if (!status.get("state").asText().equals("done")) {
            throw new IllegalStateException("rebuild failed: " + status);
        }
        double total = (System.nanoTime() - begun) / 1e9;
        double replayAndWrite = (replayed - begun) / 1e9;
        long events = status.get("applied").asLong();
        ObjectNode run = JSON.createObjectNode();
        run.put("events", events);
        run.put("replayAndWriteSeconds", replayAndWrite);
        run.put("perSecond", events / replayAndWrite);
        run.put("totalSeconds", total);
        run.put("equal", status.get("comparison").get("equal").asBoolean());
        return run;
    }

    /**
     * Flight recordings of the command service at 32 clients and of the query service rebuilding and serving district
     * overviews, last: a recording costs the JVM time and native memory it keeps afterwards, so no measured figure
     * comes after one.
     */
    private void profiles() throws Exception {
        phase.set(PROFILING);
        Path commands = home.resolve("command-service.jfr");
        jfr(platform.process("command-service").pid(), "start", commands);
        load(commandPlans, RUN, 0);
        jfr(platform.process("command-service").pid(), "stop", commands);
        results.set("commandProfile", profile(commands));
        Path rebuilding = home.resolve("query-service-rebuild.jfr");
        jfr(platform.process("query-service").pid(), "start", rebuilding);
        rebuild();
        jfr(platform.process("query-service").pid(), "stop", rebuilding);
        results.set("rebuildProfile", profile(rebuilding));
        String finance = bigDistrictFinance();
        Path overviews = home.resolve("query-service-overview.jfr");
        jfr(platform.process("query-service").pid(), "start", overviews);
        Random random = new Random(9);
        for (int i = 0; i < 400; i++) {
            time(platform.queryUrl() + "/api/v1/districts/" + BIG + "/years/" + (2011 + random.nextInt(10))
                    + "/overview", finance);
        }
        jfr(platform.process("query-service").pid(), "stop", overviews);
        results.set("overviewProfile", profile(overviews));
    }

    private void postgresStreaming() throws Exception {
        phase.set("stream");
        ArrayNode text = results.putArray("streamText");
        ArrayNode binary = results.putArray("streamBinary");
        for (int r = 0; r < RUNS; r++) {
            for (String format : List.of("text", "binary")) {
                try (Connection connection = database()) {
                    long start = System.nanoTime();
                    long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT "
                            + "tx_id, global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                            + "time_stamp, payload_type, payload_revision, payload, meta_data FROM "
                            + "eventstore.domain_event_entry) TO STDOUT (FORMAT " + format + ")", OutputStream.nullOutputStream());
                    double seconds = (System.nanoTime() - start) / 1e9;
                    (format.equals("text") ? text : binary).addObject().put("rows", rows).put("perSecond", rows / seconds);
                }
            }
        }
    }

    // ---- the views with 200 departments × 10 years -----------------------------------------------------------------

    private void views() throws Exception {
        phase.set("views");
        String finance = bigDistrictFinance();
        Random random = new Random(8);
        String base = platform.queryUrl() + "/api/v1/districts/" + BIG;
        ObjectNode views = results.putObject("views");
        ArrayNode dashboard = views.putArray("dashboard");
        ArrayNode overview = views.putArray("overview");
        ArrayNode asOf = views.putArray("asOfDashboard");
        ArrayNode asOfYears = views.putArray("asOfYears");
        for (int warm = 0; warm < 20; warm++) {
            time(base + "/departments/d" + (1 + random.nextInt(BIG_DEPARTMENTS)) + "/years/2015/dashboard", finance);
            time(base + "/years/2015/overview", finance);
        }
        for (int r = 0; r < RUNS; r++) {
            List<Long> dashboards = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                dashboards.add(time(base + "/departments/d" + (1 + random.nextInt(BIG_DEPARTMENTS)) + "/years/"
                        + (2011 + random.nextInt(10)) + "/dashboard", finance));
            }
            dashboard.add(figures(dashboards, Duration.ofSeconds(1)).without("perSecond"));
            List<Long> overviews = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                overviews.add(time(base + "/years/" + (2011 + random.nextInt(10)) + "/overview", finance));
            }
            overview.add(figures(overviews, Duration.ofSeconds(1)).without("perSecond"));
            List<Long> past = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int year = 2011 + random.nextInt(10);
                String at = URLEncoder.encode(LocalDate.of(year, 6, 30).atStartOfDay().toInstant(ZoneOffset.ofHours(8))
                        .toString(), StandardCharsets.UTF_8);
                past.add(time(base + "/departments/d" + (1 + random.nextInt(BIG_DEPARTMENTS)) + "/years/" + year
                        + "/dashboard?at=" + at, finance));
            }
            asOf.add(figures(past, Duration.ofSeconds(1)).without("perSecond"));
            List<Long> years = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String at = URLEncoder.encode(LocalDate.of(2020, 6, 30).atStartOfDay().toInstant(ZoneOffset.ofHours(8))
                        .toString(), StandardCharsets.UTF_8);
                years.add(time(base + "/departments/d" + (1 + random.nextInt(BIG_DEPARTMENTS)) + "/years?at=" + at,
                        finance));
            }
            asOfYears.add(figures(years, Duration.ofSeconds(1)).without("perSecond"));
        }
    }

    /** A token of the million-event district's finance, for the views. */
    private String bigDistrictFinance() {
        return platform.issuer().orElseThrow().token("bench.finance", BIG, null, List.of("DISTRICT_FINANCE"),
                Duration.ofHours(2));
    }

    private long time(String url, String token) {
        long start = System.nanoTime();
        HttpResponse<String> response = http(url, "GET", null, token);
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return took;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private HttpResponse<String> http(String url, String method, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(platform.databaseUrl(), "postgres", "");
    }

    /**
     * Each service's resident memory, sampled twice a second, and every two seconds what its JVM says of its heap
     * and the rest (from the Prometheus endpoint, as a scrape would); the highest of each phase is kept.
     */
    private void sampleMemory(AtomicBoolean sampling) {
        long round = 0;
        while (sampling.get()) {
            if (round++ % 4 == 0) {
                sampleJvmMemory("command-service", platform.commandUrl());
                sampleJvmMemory("query-service", platform.queryUrl());
            }
            for (String service : List.of("command-service", "query-service", LocalPlatform.REBUILD_JOB)) {
                try {
                    long pid = platform.process(service).pid();
                    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                        if (line.startsWith("VmRSS:")) {
                            long bytes = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                            rss.computeIfAbsent(service, s -> inOrder()).merge(phase.get(), bytes,
                                    Math::max);
                        }
                    }
                } catch (IOException | RuntimeException stoppedForNow) {
                    // the service is restarting, or the platform sampled is being swapped: the next round samples it
                }
            }
            LockSupport.parkNanos(500_000_000);
        }
    }

    private void sampleJvmMemory(String service, String baseUrl) {
        try {
            String metrics = metrics(baseUrl);
            String heap = "area=\"heap\"";
            Map<String, Long> figures = Map.of(
                    "heapUsed", (long) sum(metrics, "jvm_memory_used_bytes", heap),
                    "heapCommitted", (long) sum(metrics, "jvm_memory_committed_bytes", heap),
                    "nonHeapCommitted", (long) sum(metrics, "jvm_memory_committed_bytes", "area=\"nonheap\""),
                    "buffers", (long) sum(metrics, "jvm_buffer_memory_used_bytes", ""),
                    "threads", (long) sum(metrics, "jvm_threads_live_threads", ""));
            Map<String, Long> inPhase = jvmMemory.computeIfAbsent(service, s -> inOrder())
                    .computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>());
            figures.forEach((figure, amount) -> inPhase.merge(figure, amount, Math::max));
        } catch (RuntimeException restartingForNow) {
            // the service is restarting
        }
    }

    /** Commands written per transaction of the group commit between two scrapes of the command service. */
    private static double perCommit(String before, String after) {
        double groups = sum(after, "perfledger_commands_group_count", "") - sum(before, "perfledger_commands_group_count", "");
        double commands = sum(after, "perfledger_commands_group_sum", "") - sum(before, "perfledger_commands_group_sum", "");
        return groups == 0 ? 0 : Math.round(commands / groups * 10) / 10.0;
    }

    /** A service's metrics, as Prometheus scrapes them. */
    private String metrics(String baseUrl) {
        HttpResponse<String> scrape = http(baseUrl + "/actuator/prometheus", "GET", null, null);
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException(baseUrl + " answers " + scrape.statusCode() + " for its metrics");
        }
        return scrape.body();
    }

    /** The sum of a metric's samples over the series whose labels include {@code label} (empty: all of them). */
    private static double sum(String metrics, String name, String label) {
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /**
     * CPU time used so far, in clock ticks, by each process of the platform on this machine (from /proc): the two
     * services, PostgreSQL (its server processes and those that have exited), this JVM (the load generator and the
     * embedded Kafka broker), and the machine as a whole.
     */
    private Map<String, Long> cpuTicks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("command service", processTicks(platform.process("command-service").pid(), false));
        ticks.put("query service", processTicks(platform.process("query-service").pid(), false));
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0)
                .trim());
        long postgres = processTicks(postmaster, true);
        for (ProcessHandle server : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            postgres += processTicks(server.pid(), false);
        }
        ticks.put("PostgreSQL", postgres);
        ticks.put("load generator and Kafka broker (the benchmark's JVM)",
                processTicks(ProcessHandle.current().pid(), false));
        String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
            busy += Long.parseLong(machine[field]);
        }
        ticks.put("the whole machine", busy);
        return ticks;
    }

    /** utime + stime of a process (field 14 and 15 of /proc/PID/stat), with its exited children's if asked. */
    private static long processTicks(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields[0] is field 3
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withExitedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException gone) {
            return 0; // a server process that ended meanwhile; its time is in its parent's children's
        }
    }

    /** Each part's share between two readings: cores kept busy on average, and CPU milliseconds per command. */
    private static ObjectNode cpuSpent(Map<String, Long> before, Map<String, Long> after, double seconds,
                                       long commands) {
        ObjectNode spent = JSON.createObjectNode();
        spent.put("seconds", seconds);
        spent.put("commands", commands);
        ObjectNode parts = spent.putObject("parts");
        double tick = 1.0 / 100; // USER_HZ, 100 on Linux on every architecture we run on
        after.forEach((part, ticks) -> {
            double cpuSeconds = (ticks - before.get(part)) * tick;
            parts.putObject(part).put("cores", cpuSeconds / seconds).put("msPerCommand", cpuSeconds * 1000 / commands);
        });
        return spent;
    }

    /** A map of phases in the order they ran. */
    private static <V> Map<String, V> inOrder() {
        return Collections.synchronizedMap(new LinkedHashMap<>());
    }

    /** Starts or stops a flight recording of a service's JVM (JDK Flight Recorder, through jcmd). */
    private static void jfr(long pid, String action, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = action.equals("start")
                ? List.of(jcmd.toString(), Long.toString(pid), "JFR.start", "name=bench", "settings=profile")
                : List.of(jcmd.toString(), Long.toString(pid), "JFR.stop", "name=bench", "filename=" + file);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + ": " + output);
        }
    }

    /**
     * The recording's CPU samples summarised: the methods most often on top of the stack (self time), and the
     * PerfLedger, Axon, Jackson, PostgreSQL-driver and JOSE frames most often anywhere on it (inclusive).
     */
    private static ObjectNode profile(Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().map(PlatformBenchmark::name).filter(name -> name.startsWith("org.perfledger")
                            || name.startsWith("org.axonframework") || name.startsWith("com.fasterxml")
                            || name.startsWith("org.postgresql") || name.startsWith("com.nimbusds")).distinct()
                    .forEach(name -> inclusive.merge(name, 1, Integer::sum));
        }
        ObjectNode profile = JSON.createObjectNode();
        profile.put("samples", samples);
        top(profile.putObject("self"), self, samples);
        top(profile.putObject("inclusive"), inclusive, samples);
        return profile;
    }

    private static void top(ObjectNode into, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(entry -> into.put(entry.getKey(), Math.round(entry.getValue() * 1000.0 / Math.max(1, samples))
                        / 10.0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static final class LockSupport {
        static void parkNanos(long nanos) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
        }
    }
}
