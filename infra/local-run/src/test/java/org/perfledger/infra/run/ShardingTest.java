package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfledger.infra.embedded.FreePorts;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;

/**
 * PerfLedger sharded by district on real servers: two PostgreSQL servers, each the event store of its own command
 * service, one Kafka topic both relays write to, one query service reading both stores. The demo districts' whole
 * event logs, exported from the unsharded platform (one store, one command service), are imported each on the shard
 * that keeps it; the read models the sharded platform's projections build from the two relays come out the same, row
 * by row and table by table, as the unsharded platform's. Then commands go to both shards, and a rebuild that reads
 * both stores equals the live read models.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The districts the second shard keeps; the first keeps the rest. */
    private static final List<String> WEST = List.of("caidian", "qiaokou");
    private static final List<String> DISTRICTS = List.of("caidian", "donghu", "qiaokou", "rugao", "tianxin");
    private static final String DATABASE = "perfledger_sharded";

    private static LocalPlatform one;
    private static LocalPlatform sharded;

    @BeforeAll
    static void start() throws Exception {
        one = LaunchedPlatform.get();
        try (Connection connection = DriverManager.getConnection(one.databaseUrl().replaceFirst("/perfledger$",
                "/postgres"), "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        sharded = LocalPlatform.start(new PlatformSettings(ScratchDirectories.create("perfledger-sharded"),
                Path.of("target/services").toAbsolutePath(),
                Optional.of(one.databaseUrl().replaceFirst("/perfledger$", "/" + DATABASE)), "postgres", "",
                Optional.of(one.kafkaBootstrap()), 0, 0, FreePorts.pick(), FreePorts.pick(), false,
                "perfledger.sharded").withShards(Map.of("west", WEST)));

        PlatformClient from = new PlatformClient(one);
        for (String district : DISTRICTS) {
            HttpResponse<String> exported = from.get(one.commandUrl() + "/api/v1/districts/" + district
                    + "/event-log.jsonl", from.token(district, null, "AUDITOR"));
            assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
            HttpResponse<String> imported = importLog(sharded.commandUrl(district), district, exported.body());
            assertThat(imported.statusCode()).as(district + ": " + imported.body()).isEqualTo(201);
            assertThat(PlatformClient.json(imported.body()).get("chainReproduced").asBoolean()).isTrue();
        }
    }

    @AfterAll
    static void stop() {
        if (sharded != null) {
            sharded.close();
        }
    }

    private static HttpResponse<String> importLog(String commandUrl, String district, String log) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/districts/" + district
                        + "/event-log.jsonl"))
                .header("Authorization", "Bearer " + sharded.adminToken())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(log)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void eachDistrictIsKeptOnItsShardAlone() throws Exception {
        assertThat(sharded.shardMap().shards()).hasSize(2);
        for (String district : DISTRICTS) {
            String keeper = WEST.contains(district) ? "west" : LocalPlatform.MAIN_SHARD;
            for (var shard : sharded.shardMap().shards()) {
                try (Connection store = DriverManager.getConnection(sharded.shardDatabaseUrl(shard.name()),
                        "postgres", ""); PreparedStatement count = store.prepareStatement(
                        "SELECT count(*) FROM eventstore.event_chain_v1 WHERE district = ?")) {
                    count.setString(1, district);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1) > 0).as(district + " on " + shard.name())
                                .isEqualTo(shard.name().equals(keeper));
                    }
                }
            }
        }
    }

    @Test
    @Order(2)
    void theReadModelsOfTwoShardsComeOutTheSameAsOnOne() {
        await("the sharded platform's read models equal the unsharded one's").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<String, List<String>> expected = readModels(one.databaseUrl());
                    Map<String, List<String>> actual = readModels(sharded.databaseUrl());
                    assertThat(actual.keySet()).isEqualTo(expected.keySet());
                    // the demo districts are all there: their plans, indicators and completions of every year
                    assertThat(expected.get("district")).hasSize(DISTRICTS.size());
                    assertThat(expected.get("plan")).hasSizeGreaterThan(20);
                    assertThat(expected.get("indicator")).hasSizeGreaterThan(200);
                    assertThat(expected.get("completion")).isNotEmpty();
                    for (String table : expected.keySet()) {
                        assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
                    }
                });
        // views of a district as of an instant are replayed from the store of the shard that keeps it
        PlatformClient from = new PlatformClient(one);
        PlatformClient to = new PlatformClient(sharded);
        for (String view : List.of(
                "/api/v1/districts/donghu/years/2018/overview?size=200&asOf=2018-12-31",
                "/api/v1/districts/donghu/departments/scjgj/years/2020/dashboard?asOf=2020-06-30",
                "/api/v1/districts/caidian/years/2020/overview?size=200&asOf=2020-12-31",
                "/api/v1/districts/qiaokou/years/2020/overview?size=200")) {
            assertThat(to.read(view)).as(view).isEqualTo(from.read(view));
        }
    }

    @Test
    @Order(3)
    void aRequestAboutAnotherShardsDistrictIsRefusedAsMisdirectedAndNothingIsWritten() throws Exception {
        long before = storedEvents("west");
        String main = sharded.commandUrl();
        String west = sharded.commandUrl("caidian");
        assertThat(west).isNotEqualTo(main);

        HttpResponse<String> misdirected = DemoDistrict.send(HTTP, main, new SeedYear.Step("POST",
                        "/api/v1/districts/caidian/departments", "{\"departmentId\":\"misdirected\",\"name\":\"局\"}"),
                null, sharded.tokenFor("/api/v1/districts/caidian/departments", "finance"));
        assertThat(misdirected.statusCode()).as(misdirected.body()).isEqualTo(421);
        JsonNode problem = PlatformClient.json(misdirected.body());
        assertThat(problem.get("shard").asText()).isEqualTo("west");
        assertThat(problem.get("commandApi").asText()).isEqualTo(west);
        HttpResponse<String> onboarding = DemoDistrict.send(HTTP, west, new SeedYear.Step("POST", "/api/v1/districts",
                "{\"district\":\"jiangan\",\"name\":\"江岸区\"}"), null, sharded.adminToken());
        assertThat(onboarding.statusCode()).as(onboarding.body()).isEqualTo(421);
        assertThat(PlatformClient.json(onboarding.body()).get("commandApi").asText()).isEqualTo(main);
        assertThat(storedEvents("west")).isEqualTo(before);

        // the web UI is told which command service keeps which district, and may talk to each
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(sharded.queryUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"perfledger-command-shards\"", "&quot;caidian&quot;:&quot;" + west);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains(main, west);
    }

    @Test
    @Order(4)
    void commandsOnBothShardsReachTheReadModelsAndARebuildOfBothStoresEqualsThem() {
        PlatformClient client = new PlatformClient(sharded);
        for (String district : List.of("caidian", "donghu")) {
            String departments = "/api/v1/districts/" + district + "/departments";
            client.send("POST", departments, "{\"departmentId\":\"sharded\",\"name\":\"分片测试局\"}");
            await(district).atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode listed = client.readIfThere(departments);
                return listed != null && listed.toString().contains("分片测试局");
            });
        }
        JsonNode check = client.rebuild(false);
        assertThat(check.get("state").asText()).as(check.toString()).isEqualTo("done");
        assertThat(check.get("comparison").get("equal").asBoolean()).as(check.get("comparison").toString()).isTrue();
        assertThat(check.get("comparison").get("inFlightStreams").asLong()).isZero();
    }

    /**
     * In the browser, signed in as finance of a district the second shard keeps, the page's scripts send its commands
     * to that shard's command service (the page allows the connection; the service accepts the page's origin), and
     * to the first shard's for a district it keeps.
     */
    @Test
    @Order(5)
    void theWebUiSendsEachDistrictsCommandsToItsShard() throws Exception {
        long west = storedEvents("west");
        long main = storedEvents(LocalPlatform.MAIN_SHARD);
        ChromeDriver browser = Browsers.start(null);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            Browsers.signIn(browser, wait, sharded, "caidian.finance");
            Object answer = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/ui/api.js').then(api => api.send('POST', '/api/v1/districts/caidian/departments',
                        { departmentId: 'browser', name: '浏览器测试局' }))
                      .then(body => done('sent to ' + body.departmentId), e => done('refused: ' + e.message));""");
            assertThat(answer).isEqualTo("sent to browser");
            assertThat(storedEvents("west")).isGreaterThan(west);
            assertThat(storedEvents(LocalPlatform.MAIN_SHARD)).isEqualTo(main);
            Object routes = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/ui/api.js').then(api => done([api.commandBase('/api/v1/districts/caidian/event-log'),
                        api.commandBase('/api/v1/districts/donghu/departments'),
                        api.commandBase('/api/v1/districts', { district: 'qiaokou' }),
                        api.commandBase('/api/v1/districts', { district: 'jiangan' })].join(' ')));""");
            assertThat(routes).isEqualTo(String.join(" ", sharded.commandUrl("caidian"), sharded.commandUrl(),
                    sharded.commandUrl("caidian"), sharded.commandUrl()));
        } finally {
            browser.quit();
        }
    }

    private static long storedEvents(String shard) throws SQLException {
        try (Connection store = DriverManager.getConnection(sharded.shardDatabaseUrl(shard), "postgres", "");
             ResultSet rows = store.createStatement().executeQuery(
                     "SELECT count(*) FROM eventstore.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The demo districts' rows of every projection table, each row as the JSON of what events said (the applier's
     * write times left out), sorted. A table whose rows name no district and no stream fails the comparison, so a
     * new read model cannot slip out of it.
     */
    private static Map<String, List<String>> readModels(String url) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            Array districts = connection.createArrayOf("text", DISTRICTS.toArray());
            List<String> names = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = 'readmodel'
                       AND table_type = 'BASE TABLE'
                       AND table_name NOT IN ('flyway_schema_history', 'access_audit', 'parked_event')
                     ORDER BY table_name""")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT column_name FROM "
                        + "information_schema.columns WHERE table_schema = 'readmodel' AND table_name = ? "
                        + "ORDER BY ordinal_position")) {
                    select.setString(1, table);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            columns.add(rows.getString(1));
                        }
                    }
                }
                boolean byStream = !columns.contains("district");
                assertThat(byStream && !columns.contains("aggregate_id")).as(table + " names no district or stream")
                        .isFalse();
                columns.remove("updated_at");
                String selected = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT "
                        + (byStream ? "aggregate_id, " : "") + "row_to_json(r)::text FROM (SELECT " + selected
                        + " FROM readmodel.\"" + table + "\"" + (byStream ? "" : " WHERE district = ANY (?)")
                        + ") r")) {
                    if (!byStream) {
                        select.setArray(1, districts);
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            if (byStream && !demoStream(result.getString(1))) {
                                continue;
                            }
                            rows.add(result.getString(byStream ? 2 : 1));
                        }
                    }
                }
                Collections.sort(rows);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static boolean demoStream(String aggregateId) {
        return DISTRICTS.stream().anyMatch(district -> Streams.Scope.district(DistrictId.of(district))
                .contains(aggregateId));
    }
}
