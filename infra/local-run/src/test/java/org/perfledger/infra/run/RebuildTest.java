package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every read model dropped and rebuilt from the event store while the platform keeps taking commands and answering
 * reads: the rebuilt tables equal the live ones row by row, the swap loses and doubles nothing, and a read model
 * changed behind PerfLedger's back is found by the check and repaired by the rebuild.
 */
class RebuildTest {

    private static final String REBUILDS = "/api/v1/read-models/rebuilds";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
        client = new PlatformClient(platform);
    }

    private static HttpResponse<String> startRebuild(boolean swap, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + REBUILDS + "?swap=" + swap))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode rebuild(boolean swap, List<JsonNode> seen) {
        return client.rebuild(swap, seen);
    }

    private static void executeSql(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.databaseUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aRebuildUnderLoadEqualsTheLiveReadModelsAndLosesNothingInTheSwap() throws Exception {
        String plan = "/api/v1/districts/caidian/departments/rebuild/years/2020/department";
        client.send("POST", "/api/v1/districts/caidian/departments", "{\"departmentId\":\"rebuild\",\"name\":\"重建测试局\"}");
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"10000.00\"}}");
        client.send("POST", plan + "/goals", "{\"text\":\"目标\"}");
        client.send("PUT", plan + "/indicators/RB.1", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger spent = new AtomicInteger();
        ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
        String dashboard = "/api/v1/districts/caidian/departments/rebuild/years/2020/dashboard";
        Thread load = new Thread(() -> {
            while (loading.get()) {
                client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"1.00\",\"date\":\"2020-05-01\","
                        + "\"expenditureClass\":\"公用经费\",\"description\":\"日常\"}");
                spent.incrementAndGet();
                HttpResponse<String> read = client.get(platform.queryUrl() + dashboard,
                        platform.tokenFor(dashboard, "finance"));
                if (read.statusCode() != 200) {
                    failedReads.add(read.statusCode() + " " + read.body());
                }
            }
        }, "load");
        load.start();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode done;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> spent.get() >= 5);
            done = rebuild(true, seen);
            int atTheSwap = spent.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> spent.get() >= atTheSwap + 10);
        } finally {
            loading.set(false);
            load.join();
        }

        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("comparison").get("equal").asBoolean()).as(done.get("comparison").toString()).isTrue();
        // the whole store: the demo districts' seed years and what this test wrote
        assertThat(done.get("applied").asLong()).isGreaterThan(800).isEqualTo(done.get("total").asLong());
        assertThat(done.get("eventsPerSecond").decimalValue()).isPositive();
        assertThat(seen).as("progress: a phase, and the count against the total").allSatisfy(status -> {
            assertThat(status.get("phase").asText()).isIn("queued", "preparing", "replaying", "writing", "analyzing",
                    "catching-up", "comparing", "swapping", "done");
            assertThat(status.get("applied").asLong()).isLessThanOrEqualTo(status.get("total").asLong());
        });
        assertThat(failedReads).as("the live service answered throughout").isEmpty();

        // every expenditure reaches the rebuilt read models exactly once, whether replayed or consumed after the swap
        String expected = String.format("%d.00", spent.get());
        await().atMost(Duration.ofSeconds(15)).until(() -> client.read(dashboard).get("plans").get(0).get("executed")
                .asText().equals(expected));
        JsonNode check = rebuild(false, new ArrayList<>());
        assertThat(check.get("comparison").get("equal").asBoolean()).as(check.get("comparison").toString()).isTrue();
        assertThat(check.get("comparison").get("inFlightStreams").asLong()).isZero();
    }

    @Test
    void aReadModelChangedBehindPerfLedgersBackIsFoundByTheCheckAndRepairedByTheRebuild() throws Exception {
        // seed 000: 蔡甸 2020 部门整体, 执行数 6273.65
        String dashboard = "/api/v1/districts/caidian/departments/scjgj/years/2020/dashboard";
        String executed = client.read(dashboard).get("plans").get(0).get("executed").asText();
        executeSql("UPDATE readmodel.plan SET executed = executed + 100 WHERE district = 'caidian' "
                + "AND department_id = 'scjgj' AND fiscal_year = 2020 AND plan_key = 'department'");
        assertThat(client.read(dashboard).get("plans").get(0).get("executed").asText()).isNotEqualTo(executed);

        JsonNode check = rebuild(false, new ArrayList<>());
        JsonNode comparison = check.get("comparison");
        assertThat(comparison.get("equal").asBoolean()).isFalse();
        JsonNode plans = null;
        for (JsonNode table : comparison.get("tables")) {
            if (table.get("table").asText().equals("plan")) {
                plans = table;
            } else {
                assertThat(table.get("onlyLive").asLong()).as(table.toString()).isZero();
            }
        }
        assertThat(plans).isNotNull();
        assertThat(plans.get("onlyLive").asLong()).isEqualTo(1);
        assertThat(plans.get("onlyRebuilt").asLong()).isEqualTo(1);
        assertThat(plans.get("samplesOnlyRebuilt").get(0).asText()).contains("\"executed\":" + executed);
        assertThat(client.read(dashboard).get("plans").get(0).get("executed").asText())
                .as("a check leaves the live read models as they are").isNotEqualTo(executed);

        JsonNode repaired = rebuild(true, new ArrayList<>());
        assertThat(repaired.get("state").asText()).isEqualTo("done");
        assertThat(client.read(dashboard).get("plans").get(0).get("executed").asText()).isEqualTo(executed);
        JsonNode again = rebuild(false, new ArrayList<>());
        assertThat(again.get("comparison").get("equal").asBoolean()).as(again.get("comparison").toString()).isTrue();
    }

    @Test
    void theRebuildCommandFollowsACheckToItsEnd() throws Exception {
        assertThat(RebuildCommand.run(HTTP, platform.queryUrl(), platform.adminToken(), true)).isZero();
        assertThat(RebuildCommand.progress(PlatformClient.json("{\"phase\":\"replaying\",\"applied\":250000,"
                + "\"total\":1000000,\"eventsPerSecond\":100000,\"secondsLeft\":8}")))
                .isEqualTo("replaying    250,000 / 1,000,000 events (25%), 100,000 events/s, 8 s left");
    }

    @Test
    void onlyThePlatformsOperatorsRebuildAndOneAtATime() throws Exception {
        HttpResponse<String> byFinance = startRebuild(true, platform.tokenFor("/api/v1/districts/caidian", "f"));
        assertThat(byFinance.statusCode()).isEqualTo(403);

        HttpResponse<String> first = startRebuild(false, platform.adminToken());
        assertThat(first.statusCode()).isEqualTo(202);
        HttpResponse<String> second = startRebuild(false, platform.adminToken());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(PlatformClient.json(second.body()).get("errors").get(0).get("rule").asText())
                .isEqualTo("rebuild.running");
        String location = first.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofMinutes(3)).until(() -> !PlatformClient.json(client.get(platform.queryUrl() + location,
                platform.adminToken()).body()).get("state").asText().equals("running"));
    }
}
