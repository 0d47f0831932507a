package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.KafkaBroker;

/**
 * The whole platform as {@code ./perfledger run} starts it (the same launcher, the same runnable jars, each service
 * in its own JVM, real PostgreSQL and Kafka), driven over HTTP as a client would.
 */
class PlatformEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return DemoDistrict.send(HTTP, platform.commandUrl(), new SeedYear.Step("POST", path, body), null,
                platform.tokenFor(path, "wang.wu"));
    }

    private static JsonNode read(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path))
                .header("Authorization", "Bearer " + platform.tokenFor(path, "wang.wu")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** The position of the district's newest event in its chain: how many events the store holds for it. */
    private static long chainHead(String district) throws Exception {
        String path = "/api/v1/districts/" + district + "/event-log?order=newest&size=1";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.commandUrl() + path))
                .header("Authorization", "Bearer " + platform.tokenFor(path, "wang.wu")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("items").get(0).get("position").asLong();
    }

    @Test
    void anAdjustmentPostedToTheCommandServiceShowsOnTheQueryServiceWithItsTrail() throws Exception {
        // seed 000: 预算数 6352.76, 执行数 6273.65 (98.75%); here for a department of its own, still in execution
        assertThat(post("/api/v1/districts/caidian/departments", "{\"departmentId\":\"adj\",\"name\":\"蔡甸区市场监督管理局\"}")
                .statusCode()).isEqualTo(201);
        String plan = "/api/v1/districts/caidian/departments/adj/years/2020/department";
        post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}");
        post(plan + "/goals", "{\"text\":\"加强消费者权益保护\"}");
        post(plan + "/indicators", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"name\":\"消费者申投诉处置率\","
                + "\"weight\":\"10\",\"target\":\"100%\"}");
        post(plan + "/targets/submission", null);
        post(plan + "/targets/approval", null);
        post(plan + "/budget/expenditures", "{\"amount\":\"5184.55\",\"date\":\"2020-12-31\",\"expenditureClass\":\"人员经费\","
                + "\"description\":\"基本支出\"}");
        post(plan + "/budget/expenditures", "{\"amount\":\"1089.10\",\"date\":\"2020-12-31\",\"expenditureClass\":\"项目支出\","
                + "\"description\":\"项目支出\"}");
        HttpResponse<String> adjusted = post(plan + "/budget/adjustments", """
                {"kind":"调减","amount":"79.11","expenditureClass":"项目支出","reason":"压减非刚性开支",
                 "documentNumber":"蔡财预〔2020〕88号","date":"2020-09-30"}""");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);

        JsonNode view = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> read(plan), v -> v != null && v.get("budget").get("adjusted").asText().equals("6273.65"));
        JsonNode budget = view.get("budget");
        assertThat(budget.get("initial").asText()).isEqualTo("6352.76");
        assertThat(budget.get("executed").asText()).isEqualTo("6273.65");
        assertThat(budget.get("executionRate").asText()).isEqualTo("100.00");
        assertThat(budget.get("executionRateInitial").asText()).isEqualTo("98.75");
        JsonNode adjustment = null;
        for (JsonNode movement : budget.get("movements")) {
            if (movement.get("movement").asText().equals("adjusted")) {
                adjustment = movement;
            }
        }
        assertThat(adjustment).isNotNull();
        assertThat(adjustment.get("from").asText()).isEqualTo("6352.76");
        assertThat(adjustment.get("to").asText()).isEqualTo("6273.65");
        assertThat(adjustment.get("kind").get("label").asText()).isEqualTo("调减");
        assertThat(adjustment.get("reason").asText()).isEqualTo("压减非刚性开支");
        assertThat(adjustment.get("documentNumber").asText()).isEqualTo("蔡财预〔2020〕88号");
        assertThat(adjustment.get("date").asText()).isEqualTo("2020-09-30");
        assertThat(adjustment.get("actor").asText()).startsWith("wang.wu");
        assertThat(adjustment.get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void loadingTheDemoAgainStoresNothingNew() throws Exception {
        String path = "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/ZHSW";
        JsonNode before = await().atMost(Duration.ofSeconds(15)).until(() -> read(path),
                v -> v != null && v.get("phase").get("code").asText().equals("SELF_EVALUATION_SUBMITTED"));

        long storedBefore = chainHead("donghu");

        new DemoDistrict(platform).load();

        // the event store holds not one event more, and the plan's view did not move
        assertThat(chainHead("donghu")).as("events of 东湖 in the store").isEqualTo(storedBefore);
        assertThat(read(path).get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(read(path).get("budget").get("movements")).hasSize(before.get("budget").get("movements").size());
    }

    @Test
    void aSeedProjectLivesThroughItsWholeYearAndTheQuerySideShowsIt() throws Exception {
        // seed 001: 东湖高新区 2018 食品药品安全专项, for a department of its own
        assertThat(post("/api/v1/districts/donghu/departments", "{\"departmentId\":\"e2e\",\"name\":\"东湖高新区市场监督管理局\"}")
                .statusCode()).isEqualTo(201);
        SeedYear.Step calendar = SeedYear.calendar2018("donghu");
        assertThat(DemoDistrict.send(HTTP, platform.commandUrl(), calendar, null,
                platform.tokenFor(calendar.path(), "finance")).statusCode()).isEqualTo(200);
        for (SeedYear.Step step : SeedYear.donghuFoodSafety2018("donghu", "e2e")) {
            HttpResponse<String> response = DemoDistrict.send(HTTP, platform.commandUrl(), step, null,
                    platform.tokenFor(step.path(), "wang.wu"));
            assertThat(response.statusCode()).as(step.method() + " " + step.path() + " → " + response.body())
                    .isBetween(200, 201);
        }

        String path = "/api/v1/districts/donghu/departments/e2e/years/2018/projects/SPAQ";
        JsonNode view = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> read(path), v -> v != null && v.get("phase").get("code").asText().equals("PUBLISHED"));
        assertThat(view.get("name").asText()).isEqualTo("食品药品安全专项");
        // 东湖's reports print no 项目类别; its type is "常年性项目、延续性项目"
        assertThat(view.get("profile").get("category").isNull()).isTrue();
        assertThat(view.get("profile").get("types").findValuesAsText("label")).containsExactly("常年性项目", "延续性项目");
        JsonNode budget = view.get("budget");
        assertThat(budget.get("initial").asText()).isEqualTo("149.60");
        assertThat(budget.get("adjusted").asText()).isEqualTo("170.51");
        assertThat(budget.get("received").asText()).isEqualTo("170.51");
        assertThat(budget.get("executed").asText()).isEqualTo("170.51");
        assertThat(budget.get("executionRate").asText()).isEqualTo("100.00");
        assertThat(budget.get("receiptRate").asText()).isEqualTo("100.00");
        assertThat(budget.get("sources").findValuesAsText("adjusted")).containsExactly("149.60", "20.91");
        assertThat(budget.get("movements").findValuesAsText("movement"))
                .containsExactly("opened", "adjusted", "received", "spent", "spent", "spent", "spent");
        JsonNode transfer = budget.get("movements").get(1);
        assertThat(transfer.get("kind").get("label").asText()).isEqualTo("上级转移支付");
        assertThat(transfer.get("from").asText() + " → " + transfer.get("to").asText()).isEqualTo("149.60 → 170.51");
        assertThat(transfer.get("documentNumber").asText()).isEqualTo("武新管财字[2018]56号");
        assertThat(budget.get("lines").findValuesAsText("executed")).containsExactly("137.51", "10.00", "23.00");

        JsonNode indicators = view.get("goals").get(0).get("indicators");
        assertThat(indicators).hasSize(10);
        JsonNode rapid = indicators.get(1);
        assertThat(rapid.get("code").asText()).isEqualTo("SPAQ.KSJC");
        assertThat(rapid.get("target").get("text").asText()).isEqualTo("3500 批次");
        assertThat(rapid.get("latest").get("actual").get("text").asText()).isEqualTo("4944 批次");
        assertThat(rapid.get("outcome").asText()).isEqualTo("MET");
        assertThat(rapid.get("deviationRate").asText()).isEqualTo("41.26");
        JsonNode passRate = indicators.get(5);
        assertThat(passRate.get("target").get("value").get("comparator").asText()).isEqualTo("AT_LEAST");
        assertThat(passRate.get("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(passRate.get("deviationRate").asText()).isEqualTo("-0.61");
        assertThat(indicators.get(7).get("outcome").asText()).as("0 次 against a ceiling of 0").isEqualTo("MET");

        JsonNode history = read(path + "/indicators/SPAQ.KSJC/completions");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("actual").get("value").get("value").asInt()).isEqualTo(4944);
        assertThat(history.get(0).get("narrative").asText()).startsWith("实际完成值为4944批次");
        assertThat(history.get(0).get("actor").asText()).startsWith("wang.wu");
        assertThat(read(path + "/indicators/NOPE/completions")).isNull();

        JsonNode calendarView = read("/api/v1/districts/donghu/years/2018/reporting-calendar");
        assertThat(calendarView.get("monitoring").findValuesAsText("period")).containsExactly("H1", "Q3");
        assertThat(calendarView.get("deviationMargin").asText()).isEqualTo("10.00");

        assertThat(view.get("monitoringReports")).hasSize(1);
        JsonNode evaluation = view.get("selfEvaluations").get(0);
        assertThat(evaluation.get("status").asText()).isEqualTo("accepted");
        assertThat(evaluation.get("score").asText()).isEqualTo("99.94");
        assertThat(evaluation.get("published_channels").asText()).isEqualTo("随部门预决算公开；官网公示");
    }

    @Test
    void commandsSentWhileTheBrokerIsDownReachTheProjectionExactlyOnceAfterItReturns() throws Exception {
        KafkaBroker broker = platform.embeddedKafka().orElseThrow();
        assertThat(DemoDistrict.send(HTTP, platform.commandUrl(), new SeedYear.Step("POST", "/api/v1/districts",
                "{\"district\":\"dongh\",\"name\":\"东湖测试区\"}"), null, platform.adminToken()).statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/districts/dongh/departments", "{\"departmentId\":\"scjgj\",\"name\":\"东湖高新区市场监督管理局\"}")
                .statusCode()).isEqualTo(201);
        String plan = "/api/v1/districts/dongh/departments/scjgj/years/2018/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"GENERAL_PUBLIC_BUDGET\":\"1000.00\"}}").statusCode())
                .isEqualTo(201);
        post(plan + "/goals", "{\"text\":\"保障运转\"}");
        post(plan + "/indicators", "{\"goal\":1,\"level1\":\"OUTPUT\",\"level2\":\"QUANTITY\",\"name\":\"n\","
                + "\"weight\":\"10\",\"target\":\"1次\"}");
        post(plan + "/targets/submission", null);
        assertThat(post(plan + "/targets/approval", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> read(plan),
                v -> v != null && v.get("phase").get("code").asText().equals("IN_EXECUTION"));

        List<String> totals = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 1; i <= 20; i++) {
                HttpResponse<String> response = post(plan + "/budget/expenditures", "{\"amount\":\"" + i
                        + ".09\",\"date\":\"2018-03-01\",\"expenditureClass\":\"公用经费\",\"description\":\"第"
                        + i + "笔\"}");
                assertThat(response.statusCode()).as("commands succeed while the broker is down").isEqualTo(201);
                totals.add(JSON.readTree(response.body()).get("executedTotal").asText());
            }
            Thread.sleep(1500);
            assertThat(read(plan).get("budget").get("executed").asText()).as("nothing arrives without the broker")
                    .isEqualTo("0.00");
        } finally {
            broker.start();
        }

        JsonNode view = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> read(plan), v -> v != null && v.get("version").asLong() == 25);
        JsonNode movements = view.get("budget").get("movements");
        assertThat(movements).hasSize(21);
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            seen.add(movements.get(i).get("to").asText());
        }
        assertThat(seen).containsExactlyElementsOf(totals);
        assertThat(view.get("budget").get("executed").asText()).isEqualTo("211.80");
    }
}
